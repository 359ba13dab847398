using Lethe.Experiments;
using System.Text;

namespace Lethe.Reports;

/// <summary>results.csv: the table, one row per metric and one column per model, RFC 4180 quoting.</summary>
public sealed class CsvReport : IReportWriter
{
    public string FileName => "results.csv";

    public string Render(RunRecord run)
    {
        var table = ResultsTable.From(run);
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", new[] { "metric" }.Concat(table.Models).Select(Quote)));
        foreach (var row in table.Rows)
            text.AppendLine(string.Join(",", new[] { row.Metric }.Concat(table.Models.Select((_, i) => row.Cell(i) == "–" ? "" : row.Cell(i))).Select(Quote)));
        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
