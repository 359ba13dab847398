using System.Net;
using System.Text;
using Lethe.Audit;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Audit;

/// <summary>
/// The audit report as one self-contained page (figures and thumbnails embedded as PNG data URIs, no scripts): the
/// warnings and sanity checks first, then the scores, the people still exposed, and the cost. Every string is encoded.
/// </summary>
internal static class AuditHtml
{
    public static string Render(AuditResult result, AuditRunFacts facts, IReadOnlyList<PlotImage> figures,
        IReadOnlyList<ExposedPerson> exposed, string directory)
    {
        var title = $"Audit ({result.Mode}, N = {result.N}): {result.Dataset} {result.Task}, {result.ImageSize} px";
        var html = new StringBuilder();
        HtmlStyle.Open(html, title, "\n.strip { image-rendering: pixelated; height: 48px; }");
        foreach (var warning in result.Warnings) html.AppendLine($"<p class=\"warning\">Warning: {E(warning)}</p>");
        Facts(html, AuditFacts.Of(result, facts));
        html.AppendLine("<section><h2>Sanity checks</h2><ul>");
        html.AppendLine($"<li>Null check (retrained against retrained): {E(result.Null.Verdict)}</li>");
        html.AppendLine($"<li>Original check (Original against retrained): {E(result.Original.Verdict)}</li>");
        html.AppendLine("</ul></section>");
        html.AppendLine("<section><h2>Scores</h2>");
        Table(html, AuditTable.From(result));
        if (AuditScoreNotes.From(result) is { Rows.Count: > 0 } notes)
        {
            html.AppendLine($"<p class=\"note\">{E(AuditScoreNotes.Title)}:</p>");
            Table(html, notes);
        }
        html.AppendLine($"<p class=\"note\">{E(AuditFacts.Legend(result))}</p></section>");
        html.AppendLine("<section class=\"wide\"><h2>People still exposed</h2>");
        Figure(html, figures[0]);
        html.AppendLine("<p class=\"note\">Per-identity ε across the forget identities:</p>");
        Table(html, new AuditTable(IdentityQuantiles.Columns, IdentityQuantiles.Rows(result)));
        html.AppendLine("</section>");
        if (exposed.Count > 0) Exposed(html, exposed, result);
        if (PersonVerdictTable.From(result) is { } verdicts)
        {
            html.AppendLine("<section class=\"wide\"><h2>Did each model forget each person?</h2>");
            html.AppendLine($"<p class=\"note\">{E(PersonVerdictTable.Legend)}</p>");
            Table(html, verdicts);
            html.AppendLine("</section>");
        }
        html.AppendLine("<section class=\"wide\"><h2>Forgetting quality</h2>");
        Figure(html, figures[1]);
        html.AppendLine("</section>");
        html.AppendLine("<section><h2>Cost</h2>");
        Facts(html, AuditFacts.Cost(result, facts));
        html.AppendLine("</section></main></body></html>");
        return html.ToString();
    }

    private static void Exposed(StringBuilder html, IReadOnlyList<ExposedPerson> exposed, AuditResult result)
    {
        var methods = exposed[0].EpsilonByMethod.Keys.ToArray();
        html.AppendLine("<section><h2>The most exposed people</h2>");
        html.AppendLine($"<p class=\"note\">Ranked by how many methods leave their ε above {AuditTable.ExposedEpsilon:0}, then by their mean ε over the methods"
            + E(result.Mode == "fixed-original" ? " (seedless methods left out: they expose everyone by construction here)." : ".") + "</p>");
        html.AppendLine("<div class=\"scroll\"><table><thead><tr><th>Person</th><th>Forget images</th><th>Exposed by</th><th>mean ε</th>"
            + string.Concat(methods.Select(m => $"<th>ε {E(m)}</th>")) + "</tr></thead><tbody>");
        foreach (var person in exposed)
        {
            var strip = person.StripPath is { } path && File.Exists(path)
                ? $"<img class=\"strip\" alt=\"{E(person.Identity)}\" src=\"data:image/png;base64,{Convert.ToBase64String(File.ReadAllBytes(path))}\">"
                : "–";
            html.AppendLine($"<tr><th>{E(person.Identity)}</th><td>{strip}</td><td>{person.ExposedBy.Count}/{methods.Length}</td>"
                + $"<td>{AuditTable.Number(person.MeanEpsilon, "F2")}</td>"
                + string.Concat(methods.Select(m => $"<td>{AuditTable.Number(person.EpsilonByMethod[m], "F2")}</td>")) + "</tr>");
        }
        html.AppendLine("</tbody></table></div></section>");
    }

    private static void Facts(StringBuilder html, IEnumerable<(string Name, string Value)> facts)
    {
        html.AppendLine("<dl>");
        foreach (var (name, value) in facts) html.AppendLine($"<dt>{E(name)}</dt><dd>{E(value.Replace("`", ""))}</dd>");
        html.AppendLine("</dl>");
    }

    private static void Table(StringBuilder html, AuditTable table)
    {
        html.AppendLine("<div class=\"scroll\"><table><thead><tr>" + string.Concat(table.Columns.Select(c => $"<th>{E(c)}</th>")) + "</tr></thead><tbody>");
        foreach (var row in table.Rows)
            html.AppendLine($"<tr><th>{E(row[0])}</th>" + string.Concat(row.Skip(1).Select(c => $"<td>{E(c)}</td>")) + "</tr>");
        html.AppendLine("</tbody></table></div>");
    }

    private static void Figure(StringBuilder html, PlotImage figure) =>
        html.AppendLine($"<figure><img alt=\"{E(figure.Title)}\" src=\"data:image/png;base64,{Convert.ToBase64String(figure.Png)}\">"
            + $"<figcaption>{E(figure.Caption)}</figcaption></figure>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
