using System.Text;

namespace Lethe.Reports;

/// <summary>A GitHub-flavoured Markdown table: metrics as rows, one column per model, as in the seed README.</summary>
public static class MarkdownTable
{
    public static string Render(IReadOnlyList<string> models, IEnumerable<(string Metric, IEnumerable<string> Cells)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| Metric | " + string.Join(" | ", models.Select(Escape)) + " |");
        text.AppendLine("|---|" + string.Concat(models.Select(_ => "---|")));
        foreach (var (metric, cells) in rows)
            text.AppendLine($"| {Escape(metric)} | " + string.Join(" | ", cells.Select(Escape)) + " |");
        return text.ToString();
    }

    /// <summary>Any <see cref="ReportTable"/>, its column heads as given (its name is the caller's heading).</summary>
    public static string Of(ReportTable table)
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", table.Columns.Select(Escape)) + " |");
        text.AppendLine("|" + string.Concat(table.Columns.Select(_ => "---|")));
        foreach (var row in table.Rows) text.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        return text.ToString();
    }

    /// <summary>Markdown front matter shared by the run and summary reports: a title, the facts, then any warnings.</summary>
    public static string Header(string title, IEnumerable<RunFact> facts, IEnumerable<string> warnings)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {title}");
        text.AppendLine();
        foreach (var fact in facts)
            text.AppendLine($"- {fact.Name}: " + string.Join("; ", fact.Value.Split('\n').Select(v => fact.IsCode ? $"`{v}`" : v)));
        foreach (var warning in warnings)
            text.AppendLine($"- **Warning: {warning}**");
        return text.ToString();
    }

    /// <summary>A pipe would end the cell early.</summary>
    private static string Escape(string cell) => cell.Replace("|", "\\|");
}
