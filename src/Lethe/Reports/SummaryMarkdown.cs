using System.Text;
using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>
/// report.md: the facts, the table with mean ± interval per cell, each seed's own table, then the figures, linked by
/// their path relative to <paramref name="reportDirectory"/> (where the report file goes).
/// </summary>
public sealed class SummaryMarkdown(PlotSet? plots = null, string reportDirectory = ".")
{
    public string Render(SeedSummary summary)
    {
        var text = new StringBuilder(Head(summary));
        if (summary.Runs.Count > 1)
            foreach (var run in summary.Runs)
            {
                text.AppendLine();
                text.AppendLine($"## Seed {run.Spec.SweepSeed}");
                text.AppendLine();
                text.Append(MarkdownReport.Table(ResultsTable.From(run)));
            }
        if (plots is not null) Figures(text, plots);
        return text.ToString();
    }

    /// <summary>The report's head: title, facts, warnings, notes and the mean ± CI table, without the per-seed tables
    /// and figures (what a terminal shows after a sweep).</summary>
    public static string Head(SeedSummary summary)
    {
        var text = new StringBuilder();
        text.Append(MarkdownTable.Header(MarkdownReport.Title(summary.Runs[0].Data), RunFacts.Of(summary), ReportWarnings.Of(summary.Runs)));
        text.AppendLine();
        foreach (var note in ReportNotes.Of(summary.Runs)) text.AppendLine(note);
        if (summary.Runs.Count > 1) text.AppendLine(IntervalNote(summary.Runs.Count));
        text.AppendLine();
        text.Append(Table(summary));
        return text.ToString();
    }

    private void Figures(StringBuilder text, PlotSet figures) => AppendFigures(text, figures.All, reportDirectory, figures.NotDrawn);

    /// <summary>A "Figures" section: each image linked by its path relative to the report's folder, then its caption.</summary>
    /// <param name="notDrawn">One line per figure that could not be drawn, saying why.</param>
    internal static void AppendFigures(StringBuilder text, IEnumerable<PlotImage> images, string reportDirectory, IEnumerable<string>? notDrawn = null)
    {
        text.AppendLine();
        text.AppendLine("## Figures");
        foreach (var image in images)
        {
            var path = Path.GetRelativePath(reportDirectory, image.PngPath).Replace('\\', '/');
            text.AppendLine();
            text.AppendLine($"![{image.Title}]({path})");
            text.AppendLine();
            text.AppendLine(image.Caption);
        }
        foreach (var line in notDrawn ?? [])
        {
            text.AppendLine();
            text.AppendLine(line);
        }
    }

    public static string IntervalNote(int seeds) =>
        $"Each cell is the mean over {seeds} seeds ± the half-width of its two-sided 95% Student-t interval ({seeds - 1} degrees of freedom).";

    public static string Table(SeedSummary summary) =>
        MarkdownTable.Render(summary.Models, summary.Rows.Select(row => (row.Metric, summary.Models.Select((_, i) => summary.Cell(row, i)))));
}
