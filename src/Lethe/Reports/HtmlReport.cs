using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Lethe.IO;
using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>
/// report.html: one self-contained page that opens anywhere, offline and without scripts: the tables (with intervals
/// when there are several seeds), the figures embedded as PNG data URIs, the command, the spec and the machine. Every
/// string from the run is HTML-encoded.
/// </summary>
public sealed class HtmlReport(PlotSet? plots = null)
{
    public string Render(SeedSummary summary)
    {
        var html = new StringBuilder();
        var title = MarkdownReport.Title(summary.Runs[0].Data);
        HtmlStyle.Open(html, title);
        html.AppendLine($"<p class=\"lead\">{E(Lead(summary))}</p>");
        foreach (var warning in ReportWarnings.Of(summary.Runs))
            html.AppendLine($"<p class=\"warning\">Warning: {E(warning)}</p>");
        Results(html, summary);
        if (plots is not null) Figures(html, plots);
        Run(html, summary);
        html.AppendLine("</main></body></html>");
        return html.ToString();
    }

    private static string Lead(SeedSummary summary) => summary.Runs.Count == 1
        ? $"One run, seed {summary.Seeds[0]}."
        : $"{summary.Runs.Count} runs, seeds {string.Join(", ", summary.Seeds)}. {SummaryMarkdown.IntervalNote(summary.Runs.Count)}";

    private static void Results(StringBuilder html, SeedSummary summary)
    {
        html.AppendLine("<section><h2>Results</h2>");
        html.AppendLine($"<p class=\"note\">{E(string.Join(" ", ReportNotes.Of(summary.Runs)))} Retrained, the target, is shaded.</p>");
        Table(html, summary.Models, summary.Rows.Select(row => (row.Metric,
            row.Cells.Select((cell, i) => (CellHtml(summary, row, i), PerSeedTitle(cell, row.Format, summary.Seeds))))));
        if (summary.Runs.Count > 1)
            foreach (var run in summary.Runs)
            {
                var table = ResultsTable.From(run);
                html.AppendLine($"<details><summary>Seed {run.Spec.SweepSeed}</summary>");
                Table(html, table.Models, table.Rows.Select(row => (row.Metric, table.Models.Select((_, i) => (E(row.Cell(i)), (string?)null)))));
                html.AppendLine("</details>");
            }
        html.AppendLine("</section>");
    }

    /// <summary>The mean, with its ± half-width on a second, smaller line so nine columns of intervals fit the page.</summary>
    private static string CellHtml(SeedSummary summary, SummaryRow row, int column)
    {
        var cell = row.Cells[column];
        if (cell.PerSeedText is not null || cell.Interval?.HalfWidth is not { } half) return E(summary.Cell(row, column));
        var format = (double v) => v.ToString(row.Format, CultureInfo.InvariantCulture);
        return $"{E(format(cell.Interval.Mean))}<span class=\"ci\">± {E(format(half))}</span>";
    }

    /// <summary>Rows of cells whose text is already HTML (encoded by the caller), with an optional tooltip.</summary>
    private static void Table(StringBuilder html, IReadOnlyList<string> models,
        IEnumerable<(string Metric, IEnumerable<(string Html, string? Title)> Cells)> rows)
    {
        html.AppendLine("<div class=\"scroll\"><table><thead><tr><th>Metric</th>");
        foreach (var model in models) html.Append($"<th{TargetClass(model)}>{E(model)}</th>");
        html.AppendLine("</tr></thead><tbody>");
        foreach (var (metric, cells) in rows)
        {
            html.Append($"<tr><th>{E(metric)}</th>");
            foreach (var ((cellHtml, title), i) in cells.Select((c, i) => (c, i)))
                html.Append($"<td{TargetClass(models[i])}{(title is null ? "" : $" title=\"{E(title)}\"")}>{cellHtml}</td>");
            html.AppendLine("</tr>");
        }
        html.AppendLine("</tbody></table></div>");
    }

    private static string TargetClass(string model) => model == "Retrained" ? " class=\"target\"" : "";

    /// <summary>The per-seed values as a tooltip, so the table stays compact and nothing is hidden.</summary>
    private static string? PerSeedTitle(SummaryCell cell, string format, IReadOnlyList<long> seeds) =>
        seeds.Count < 2 || cell.PerSeedText is not null ? null
            : string.Join(", ", seeds.Select((s, i) => $"seed {s}: {(cell.PerSeed[i] is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–")}"));

    private static void Figures(StringBuilder html, PlotSet plots)
    {
        Section(html, "Trade-off", [plots.TradeOff], wide: true);
        Section(html, "Cost", [plots.Cost], wide: true);
        Section(html, "Relearning", plots.Relearning.Images, wide: true, plots.Relearning.NotDrawn);
        Section(html, "Weight line from the Original", plots.WeightLine.Images, wide: false, plots.WeightLine.NotDrawn);
        Section(html, "Training of the base models", plots.Training, wide: false);
        Section(html, "What the attack sees", plots.Losses, wide: false);
    }

    /// <summary>A heading and its figures; with none, the line saying why (<paramref name="notDrawn"/>) or nothing.</summary>
    private static void Section(StringBuilder html, string heading, IReadOnlyList<PlotImage> images, bool wide, string? notDrawn = null)
    {
        if (images.Count == 0)
        {
            if (notDrawn is not null) html.AppendLine($"<section><h2>{E(heading)}</h2><p class=\"note\">{E(notDrawn)}</p></section>");
            return;
        }
        html.AppendLine($"<section><h2>{E(heading)}</h2><div class=\"{(wide ? "wide" : "grid")}\">");
        foreach (var image in images) html.AppendLine(FigureHtml(image));
        html.AppendLine("</div></section>");
    }

    /// <summary>One figure, its PNG embedded, with its caption: the page stays one file that opens offline.</summary>
    internal static string FigureHtml(PlotImage image) =>
        $"<figure><img src=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\" alt=\"{E(image.Title)}\" width=\"{Figure.Width}\" height=\"{Figure.Height}\"><figcaption>{E(image.Caption)}</figcaption></figure>";

    private static void Run(StringBuilder html, SeedSummary summary)
    {
        html.AppendLine("<section><h2>How this was made</h2><dl>");
        foreach (var fact in RunFacts.Of(summary))
        {
            var values = fact.Value.Split('\n').Select(v => fact.IsCode ? $"<code>{E(v)}</code>" : E(v));
            html.AppendLine($"<dt>{E(fact.Name)}</dt><dd>{string.Join("<br>", values)}</dd>");
        }
        html.AppendLine("</dl>");
        var specNote = summary.Runs.Count > 1 ? " (of the first seed; the others differ only in Seed)" : "";
        html.AppendLine($"<details open><summary>Configuration: the frozen spec{E(specNote)}</summary>");
        html.AppendLine($"<pre>{E(JsonSerializer.Serialize(summary.Runs[0].Spec, LetheJson.Options))}</pre></details>");
        html.AppendLine("</section>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
