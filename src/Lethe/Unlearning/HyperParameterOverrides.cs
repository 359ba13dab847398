using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Lethe.Unlearning;

/// <summary>
/// Changes hyper-parameter records from the command line ("scrub.lr=0.0005", "cf.k=2", "scrub.referenceMode=false")
/// or from a JSON object ({"scrub": {"lr": 0.0005}}). Names are case-insensitive. Records are copied, never mutated.
/// Unknown methods, unknown parameters and values of the wrong type throw an ArgumentException naming the key and
/// listing what is valid.
/// </summary>
public static class HyperParameterOverrides
{
    /// <summary>Applies "method.parameter=value" assignments, in order, to the records keyed by method.</summary>
    public static IReadOnlyDictionary<string, object> Apply(IReadOnlyDictionary<string, object> records,
        IEnumerable<string> assignments)
    {
        var result = new Dictionary<string, object>(records, StringComparer.OrdinalIgnoreCase);
        foreach (var assignment in assignments)
        {
            var (method, parameter, value) = Split(assignment);
            result[method] = With(Record(result, method, assignment), method, parameter, value);
        }
        return result;
    }

    /// <summary>Applies a JSON object of method → {parameter: value} to the records keyed by method.</summary>
    public static IReadOnlyDictionary<string, object> ApplyJson(IReadOnlyDictionary<string, object> records, string json)
    {
        using var document = Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new ArgumentException($"hyper-parameter overrides must be a JSON object of methods, got {document.RootElement.ValueKind}");
        var result = new Dictionary<string, object>(records, StringComparer.OrdinalIgnoreCase);
        foreach (var method in document.RootElement.EnumerateObject())
        {
            var record = Record(result, method.Name, $"JSON key '{method.Name}'");
            if (method.Value.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"'{method.Name}': expected an object of parameters, got {method.Value.ValueKind}");
            foreach (var parameter in method.Value.EnumerateObject())
                record = With(record, method.Name, parameter.Name, parameter.Value);
            result[method.Name] = record;
        }
        return result;
    }

    /// <summary>A copy of <paramref name="record"/> with one parameter parsed from text (invariant culture).</summary>
    public static object With(object record, string method, string parameter, string value)
    {
        var property = Property(record, method, parameter);
        return Copy(record, property, ParseText(value, property.PropertyType, $"{method}.{parameter}"));
    }

    /// <summary>A copy of <paramref name="record"/> with one parameter taken from a JSON value.</summary>
    public static object With(object record, string method, string parameter, JsonElement value)
    {
        var property = Property(record, method, parameter);
        var type = property.PropertyType;
        var key = $"{method}.{parameter}";
        // Strings are parsed as on the command line, so {"cf": {"k": "2"}} means the same as cf.k=2.
        if (value.ValueKind == JsonValueKind.String && type != typeof(string))
            return Copy(record, property, ParseText(value.GetString()!, type, key));
        try
        {
            var parsed = value.Deserialize(type) ?? throw new JsonException("null");
            return Copy(record, property, parsed);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"{key}: {value.GetRawText()} is not a valid {TypeName(type)}");
        }
    }

    /// <summary>The settable parameters of a record, in camelCase as overrides spell them.</summary>
    public static IReadOnlyList<string> ParameterNames(object record) =>
        Settable(record.GetType()).Select(p => CamelCase(p.Name)).ToArray();

    private static (string Method, string Parameter, string Value) Split(string assignment)
    {
        var equals = assignment.IndexOf('=');
        var dot = equals < 0 ? -1 : assignment.LastIndexOf('.', equals);
        if (equals < 0 || dot <= 0 || dot == equals - 1)
            throw new ArgumentException($"override '{assignment}' is not of the form method.parameter=value (e.g. scrub.lr=0.0005)");
        return (assignment[..dot].Trim(), assignment[(dot + 1)..equals].Trim(), assignment[(equals + 1)..].Trim());
    }

    private static object Record(IReadOnlyDictionary<string, object> records, string method, string origin) =>
        records.TryGetValue(method, out var record) ? record : throw new ArgumentException(
            $"{origin}: unknown unlearning method '{method}'; known: {string.Join(", ", records.Keys)}");

    private static PropertyInfo Property(object record, string method, string parameter) =>
        Settable(record.GetType()).FirstOrDefault(p => string.Equals(p.Name, parameter, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"{method}.{parameter}: unknown parameter of '{method}'; valid: {string.Join(", ", ParameterNames(record))}");

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract");

    /// <summary>Records are immutable to everyone else: clone through the compiler's copy method, then set the copy.</summary>
    private static object Copy(object record, PropertyInfo property, object value)
    {
        var clone = record.GetType().GetMethod("<Clone>$")?.Invoke(record, null)
            ?? throw new ArgumentException($"{record.GetType().Name} is not a record");
        property.SetValue(clone, value);
        return clone;
    }

    private static object ParseText(string text, Type type, string key)
    {
        var value = text.Trim();
        object? parsed = type switch
        {
            _ when type == typeof(string) => text,
            // An optional value ("relearn.seed", null = the run's) is set as its underlying type.
            _ when Nullable.GetUnderlyingType(type) is { } inner => ParseText(text, inner, key),
            _ when type == typeof(bool) => bool.TryParse(value, out var b) ? b : null,
            _ when type == typeof(int) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(long) => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            _ when type == typeof(double) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when type == typeof(float) => float.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : null,
            _ when type.IsEnum => Enum.TryParse(type, value, ignoreCase: true, out var e) && Enum.IsDefined(type, e!) ? e : null,
            _ => throw new ArgumentException($"{key}: parameters of type {type.Name} cannot be overridden"),
        };
        return parsed ?? throw new ArgumentException($"{key}: '{text}' is not a valid {TypeName(type)}");
    }

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(bool) => "boolean (true or false)",
        _ when type == typeof(int) || type == typeof(long) => "integer",
        _ when type == typeof(double) || type == typeof(float) => "number",
        _ when type.IsEnum => $"value of {type.Name} ({string.Join(", ", Enum.GetNames(type))})",
        _ => type.Name,
    };

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"hyper-parameter overrides are not valid JSON: {e.Message}");
        }
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
