using System.Text;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Formats;

/// <summary>
/// LaTeX: booktabs tabulars to \input in a paper, everything around them as % comments. A run or a summary gives the
/// results table with intervals (report.tex); other kinds give each table in turn.
/// </summary>
public sealed class LatexFormat : IReportFormat
{
    public string Name => "latex";

    public string Extension => "tex";

    public bool ShowsFigures => false;

    public string Render(Report report, ReportFigures? figures, string folder) => report switch
    {
        RunReport run => new LatexTable().Render(SeedSummary.From([run.Run])),
        SummaryReport summary => new LatexTable().Render(summary.Summary),
        _ => Plain(report),
    };

    /// <summary>The common view, for a kind this format has no layout of its own for.</summary>
    private static string Plain(Report report)
    {
        var text = new StringBuilder();
        text.AppendLine($"% {report.Title}");
        foreach (var fact in report.Facts) text.AppendLine($"% {fact.Name}: {fact.Value.Replace("\n", "; ")}");
        foreach (var line in report.Warnings.Select(w => $"Warning: {w}").Concat(report.Notes)) text.AppendLine($"% {line}");
        text.AppendLine("% Needs \\usepackage{booktabs}.");
        foreach (var table in report.Tables)
        {
            text.AppendLine($"% {table.Name}");
            text.AppendLine($"\\begin{{tabular}}{{l{new string('c', table.Columns.Count - 1)}}}");
            text.AppendLine("\\toprule");
            text.AppendLine(Line(table.Columns));
            text.AppendLine("\\midrule");
            foreach (var row in table.Rows) text.AppendLine(Line(row).Replace("–", "--"));
            text.AppendLine("\\bottomrule");
            text.AppendLine("\\end{tabular}");
        }
        return text.ToString();
    }

    private static string Line(IEnumerable<string> cells) => string.Join(" & ", cells.Select(LatexTable.Escape)) + " \\\\";
}
