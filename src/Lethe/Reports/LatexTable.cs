using System.Globalization;
using System.Text;

namespace Lethe.Reports;

/// <summary>
/// report.tex: the table as a booktabs tabular, ready to \input inside a paper's table environment (which sets the
/// caption). Cells are $mean \pm half-width$; fractions get three decimals, since nine columns must fit a page and seeds
/// differ in the second or third decimal anyway.
/// </summary>
public sealed class LatexTable
{
    public string Render(SeedSummary summary)
    {
        var text = new StringBuilder();
        var data = summary.Runs[0].Data;
        var seeds = (summary.Seeds.Count == 1 ? "seed " : "seeds ") + string.Join(", ", summary.Seeds);
        text.AppendLine($"% Lethe: {data.Name} ({data.Task}, {data.ImageSize} px); {seeds}.");
        if (summary.Runs.Count > 1) text.AppendLine($"% {SummaryMarkdown.IntervalNote(summary.Runs.Count)}");
        text.AppendLine($"% MIA is the forgetting score F = |A - 0.5|; Final Score is NoMUS with lambda = {summary.Runs[0].Spec.Lambda.ToString(CultureInfo.InvariantCulture)}.");
        foreach (var line in Comments(summary)) text.AppendLine($"% {line}");
        text.AppendLine("% Needs \\usepackage{booktabs}.");
        text.AppendLine($"\\begin{{tabular}}{{l{new string('c', summary.Models.Count)}}}");
        text.AppendLine("\\toprule");
        text.AppendLine(Line(new[] { "Metric" }.Concat(summary.Models).Select(Escape)));
        text.AppendLine("\\midrule");
        foreach (var row in summary.Rows)
            text.AppendLine(Line(new[] { Escape(row.Metric) }.Concat(row.Cells.Select(cell => Cell(cell, row.Format, summary)))));
        text.AppendLine("\\bottomrule");
        text.AppendLine("\\end{tabular}");
        return text.ToString();
    }

    /// <summary>What the other formats print around the table (the attack's sets, the classes, the reference quirks, warnings,
    /// notes), one comment line each.</summary>
    private static IEnumerable<string> Comments(SeedSummary summary)
    {
        var facts = RunFacts.Of(summary).Where(f => f.Name is "Attack" or "Classes" or "Reference quirks").SelectMany(f => f.Value.Split('\n').Select(v => $"{f.Name}: {v}"));
        var warnings = ReportWarnings.Of(summary.Runs).Select(w => $"Warning: {w}");
        return facts.Concat(warnings).Concat(ReportNotes.Of(summary.Runs).Skip(1)); // Skip: the metrics note is the line above, in ASCII
    }

    private static string Line(IEnumerable<string> cells) => string.Join(" & ", cells) + " \\\\";

    private static string Cell(SummaryCell cell, string format, SeedSummary summary)
    {
        // A missing text reads "–" elsewhere; the numeric cells' "--" is LaTeX's own en dash.
        if (cell.PerSeedText is not null) return Escape(cell.Display(format, summary.Seeds)).Replace("–", "--");
        if (cell.Interval is not { } ci) return "--";
        var shown = ci.Format(format == "F4" ? "F3" : format, " \\pm ");
        return ci.HalfWidth is null ? shown : $"${shown}$";
    }

    /// <summary>Makes a label safe in LaTeX text mode: its ten special characters become their commands.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (char c in text)
            escaped.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }
}
