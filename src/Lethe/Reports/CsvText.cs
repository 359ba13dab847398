using System.Text;

namespace Lethe.Reports;

/// <summary>RFC 4180 fields: a field with a comma, quote or line break is quoted, with its quotes doubled.</summary>
public static class CsvText
{
    public static void AppendLine(StringBuilder text, IEnumerable<string> fields) =>
        text.AppendLine(string.Join(",", fields.Select(Quote)));

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
