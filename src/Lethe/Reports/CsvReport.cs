using Lethe.Experiments;
using System.Text;

namespace Lethe.Reports;

/// <summary>results.csv: the table, one row per metric and one column per model, RFC 4180 quoting.</summary>
public sealed class CsvReport
{
    public string Render(RunRecord run)
    {
        var table = ResultsTable.From(run);
        var text = new StringBuilder();
        CsvText.AppendLine(text, new[] { "metric" }.Concat(table.Models));
        foreach (var row in table.Rows)
            CsvText.AppendLine(text, new[] { row.Metric }.Concat(table.Models.Select((_, i) => row.Cell(i) == "–" ? "" : row.Cell(i))));
        return text.ToString();
    }
}
