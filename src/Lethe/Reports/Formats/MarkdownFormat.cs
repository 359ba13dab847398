using System.Text;
using Lethe.Reports.Audit;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Formats;

/// <summary>
/// Markdown: the facts, warnings and notes, then the tables, and the figures linked by their path relative to the
/// file's folder. An audit's layout needs its figures (<see cref="ArgumentException"/> without them).
/// </summary>
public sealed class MarkdownFormat : IReportFormat
{
    public string Name => "md";

    public string Extension => "md";

    public bool ShowsFigures => true;

    public string Render(Report report, ReportFigures? figures, string folder) => report switch
    {
        RunReport run => new MarkdownReport().Render(run.Run),
        SummaryReport summary => new SummaryMarkdown(figures as PlotSet, folder).Render(summary.Summary),
        AuditReport audit when figures is AuditFigures drawn => AuditMarkdown.Render(audit.Result, audit.RunFacts, drawn.Plots, drawn.Exposed, folder),
        AuditReport => throw new ArgumentException("an audit's Markdown is built around its figures: draw them first (Report.DrawFigures)", nameof(figures)),
        EvaluationReport evaluation => FileEvaluationReport.Markdown(evaluation.Evaluation)
            + (evaluation.PersonTest is { } people ? Environment.NewLine + PersonPoolSection.Markdown(people) : ""),
        _ => Plain(report, figures, folder),
    };

    /// <summary>The common view, for a kind this format has no layout of its own for.</summary>
    private static string Plain(Report report, ReportFigures? figures, string folder)
    {
        var text = new StringBuilder(MarkdownTable.Header(report.Title, report.Facts, report.Warnings));
        foreach (var note in report.Notes) text.AppendLine().AppendLine(note);
        if (figures is not null) SummaryMarkdown.AppendFigures(text, figures.All, folder);
        foreach (var table in report.Tables)
            text.AppendLine().AppendLine($"## {table.Name}").AppendLine().Append(MarkdownTable.Of(table));
        return text.ToString();
    }
}
