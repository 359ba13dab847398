using System.Net;
using System.Text;
using Lethe.Reports.Audit;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Formats;

/// <summary>
/// HTML: one self-contained page (no scripts, figures embedded as PNG data URIs) that opens anywhere offline. A single
/// run's page is its summary's (one seed, no figures: those come with <see cref="SummaryReport"/>). An audit's layout
/// needs its figures (<see cref="ArgumentException"/> without them).
/// </summary>
public sealed class HtmlFormat : IReportFormat
{
    public string Name => "html";

    public string Extension => "html";

    public bool ShowsFigures => true;

    public string Render(Report report, ReportFigures? figures, string folder) => report switch
    {
        RunReport run => new HtmlReport().Render(SeedSummary.From([run.Run])),
        SummaryReport summary => new HtmlReport(figures as PlotSet).Render(summary.Summary),
        AuditReport audit when figures is AuditFigures drawn => AuditHtml.Render(audit.Result, audit.RunFacts, drawn.Plots, drawn.Exposed, folder),
        AuditReport => throw new ArgumentException("an audit's page is built around its figures: draw them first (Report.DrawFigures)", nameof(figures)),
        _ => Plain(report, figures),
    };

    /// <summary>The common view, for a kind this format has no layout of its own for; every string is encoded.</summary>
    private static string Plain(Report report, ReportFigures? figures)
    {
        var html = new StringBuilder();
        HtmlStyle.Open(html, report.Title);
        foreach (var warning in report.Warnings) html.AppendLine($"<p class=\"warning\">Warning: {E(warning)}</p>");
        html.AppendLine("<dl>");
        foreach (var fact in report.Facts) html.AppendLine($"<dt>{E(fact.Name)}</dt><dd>{string.Join("<br>", fact.Value.Split('\n').Select(E))}</dd>");
        html.AppendLine("</dl>");
        foreach (var note in report.Notes) html.AppendLine($"<p class=\"note\">{E(note)}</p>");
        foreach (var image in figures?.All ?? []) html.AppendLine(HtmlReport.FigureHtml(image));
        foreach (var table in report.Tables)
        {
            html.AppendLine($"<section><h2>{E(table.Name)}</h2><div class=\"scroll\"><table><thead><tr>"
                + string.Concat(table.Columns.Select(c => $"<th>{E(c)}</th>")) + "</tr></thead><tbody>");
            foreach (var row in table.Rows)
                html.AppendLine($"<tr><th>{E(row[0])}</th>" + string.Concat(row.Skip(1).Select(c => $"<td>{E(c)}</td>")) + "</tr>");
            html.AppendLine("</tbody></table></div></section>");
        }
        html.AppendLine("</main></body></html>");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
