using System.Text;
using System.Text.Json;

namespace Lethe.IO;

/// <summary>
/// The one JSON setting for everything Lethe stores: indented, and a number that does not exist (NaN: a diverged
/// model, a model loaded from the cache) written as null, so that every file is standard JSON.
/// </summary>
public static class LetheJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Converters = { new MissingNumberJson.Double(), new MissingNumberJson.Single() },
    };

    /// <summary>Reads a file Lethe wrote. A damaged one (cut short by a full disk, edited by hand, another program's
    /// file) is the user's data, not a bug: the error names the file and what is wrong with it, never the .NET type.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file should be, for the message: "a Lethe results file".</param>
    /// <param name="options">Serializer options (default <see cref="Options"/>).</param>
    /// <exception cref="InvalidDataException">The file is not <paramref name="what"/>: "runs/x/results.json: not a Lethe results file (JSON ends early at line 3)".</exception>
    public static T Read<T>(string path, string what, JsonSerializerOptions? options = null) where T : class
    {
        var value = Deserialize<T>(File.ReadAllText(path), options, out var problem);
        if (problem is not null) throw new InvalidDataException($"{path}: not {what} ({problem})");
        return value ?? throw new InvalidDataException($"{path}: not {what} (it holds null)");
    }

    /// <summary>
    /// Reads a file Lethe wrote and may find damaged: a stored result, a done record, a cache entry's record. Null when
    /// the file is absent or unusable, and then <paramref name="unusable"/> says why ("runs/x/models/sgd.json: JSON ends
    /// early at line 3"), so a caller that makes the thing again can say so.
    /// </summary>
    public static T? TryRead<T>(string path, out string? unusable, JsonSerializerOptions? options = null) where T : class
    {
        unusable = null;
        if (!File.Exists(path)) return null;
        var value = Deserialize<T>(File.ReadAllText(path), options, out var problem);
        if (problem is not null) unusable = $"{path}: {problem}";
        return value;
    }

    private static T? Deserialize<T>(string text, JsonSerializerOptions? options, out string? problem) where T : class
    {
        problem = null;
        try
        {
            return JsonSerializer.Deserialize<T>(text, options ?? Options);
        }
        catch (JsonException e)
        {
            problem = Problem(text, e);
            return null;
        }
    }

    /// <summary>What is wrong with JSON the serializer refused, in the user's words: empty, cut short, malformed at a
    /// line, or well-formed but of another shape.</summary>
    internal static string Problem(string text, JsonException e)
    {
        if (string.IsNullOrWhiteSpace(text)) return "the file is empty";
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), isFinalBlock: false, state: default);
        var first = JsonTokenType.None;
        try
        {
            while (reader.Read())
                if (first == JsonTokenType.None) first = reader.TokenType;
        }
        catch (JsonException syntax)
        {
            return $"bad JSON at line {syntax.LineNumber + 1}";
        }
        // Not final: a reader that runs out of data inside a value or an object has been given a file cut short.
        if (reader.CurrentDepth > 0 || reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.StartObject or JsonTokenType.StartArray)
            return $"JSON ends early at line {LastLine(text)}";
        if (first != JsonTokenType.StartObject) return $"the JSON is {Kind(first)}, not an object";
        return $"unexpected value at {e.Path} (line {e.LineNumber + 1})";
    }

    private static int LastLine(string text) => text.TrimEnd().Count(c => c == '\n') + 1;

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a bare value",
    };
}
