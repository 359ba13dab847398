using System.Text;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>results.md: provenance first, then the table in the seed README's layout.</summary>
public sealed class MarkdownReport
{
    public string Render(RunRecord run)
    {
        var text = new StringBuilder();
        text.Append(MarkdownTable.Header(Title(run.Data), RunFacts.Of(run), ReportWarnings.Of([run])));
        text.AppendLine();
        foreach (var note in ReportNotes.Of([run])) text.AppendLine(note);
        text.AppendLine();
        text.Append(Table(ResultsTable.From(run)));
        return text.ToString();
    }

    public static string Title(DataSummary data) => $"Lethe benchmark: {data.Name} ({data.Task}, {data.ImageSize} px)";

    public static string Table(ResultsTable table) =>
        MarkdownTable.Render(table.Models, table.Rows.Select(row => (row.Metric, table.Models.Select((_, i) => row.Cell(i)))));
}
