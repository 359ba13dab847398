using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lethe.IO;

/// <summary>
/// A number that does not exist (NaN: a model loaded rather than timed, a diverged loss) is written as JSON null, so
/// results.json reads as numbers in jq, Python's json and pandas; System.Text.Json's own option would write the string
/// "NaN", which those tools take for text. JSON has no literal for infinity, which does exist (an audit's ε when the
/// attack separates the sets perfectly): it stays the string "Infinity" or "-Infinity". Reading also accepts the "NaN"
/// strings of files written before this.
/// </summary>
internal static class MissingNumberJson
{
    public sealed class Double : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => double.NaN,
            JsonTokenType.String => Named(reader.GetString()),
            _ => reader.GetDouble(),
        };

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsNaN(value)) writer.WriteNullValue();
            else if (double.IsInfinity(value)) writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity");
            else writer.WriteNumberValue(value);
        }
    }

    public sealed class Single : JsonConverter<float>
    {
        public override bool HandleNull => true;

        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
        {
            JsonTokenType.Null => float.NaN,
            JsonTokenType.String => (float)Named(reader.GetString()),
            _ => reader.GetSingle(),
        };

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
        {
            if (float.IsNaN(value)) writer.WriteNullValue();
            else if (float.IsInfinity(value)) writer.WriteStringValue(value > 0 ? "Infinity" : "-Infinity");
            else writer.WriteNumberValue(value);
        }
    }

    private static double Named(string? text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => throw new JsonException($"'{text}' is not a number"),
    };
}
