namespace Lethe.Reports;

/// <summary>The report page's style sheet, inline so the page needs no other file and no network.</summary>
internal static class HtmlStyle
{
    public const string Css = """
        body { margin: 0; background: #f6f7f9; color: #1d2330; font: 15px/1.5 system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 48px; }
        h1 { font-size: 26px; margin: 8px 0 4px; }
        h2 { font-size: 20px; margin: 32px 0 12px; border-bottom: 1px solid #d5d9e0; padding-bottom: 4px; }
        .lead { color: #4a5263; margin: 0 0 16px; }
        .note { color: #4a5263; font-size: 14px; }
        .warning { background: #fff4d6; border-left: 4px solid #e0a800; padding: 8px 12px; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; background: #fff; font-variant-numeric: tabular-nums; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        th, td { padding: 6px 10px; border-bottom: 1px solid #e6e8ec; white-space: nowrap; }
        thead th { background: #2f3a4f; color: #fff; font-weight: 600; text-align: right; }
        thead th:first-child, tbody th { text-align: left; }
        tbody th { font-weight: 600; }
        td { text-align: right; }
        tbody tr:nth-child(even) { background: #f9fafb; }
        td.target { background: #e8f1ff; }
        td .ci { display: block; font-size: 12px; color: #6b7383; }
        thead th.target { background: #1f5fbf; }
        details { margin: 10px 0; }
        summary { cursor: pointer; color: #1f5fbf; }
        .wide figure { max-width: 820px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
        figure { margin: 0; background: #fff; padding: 10px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        figure img { width: 100%; height: auto; display: block; }
        figcaption { font-size: 13px; color: #4a5263; margin-top: 6px; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        code, pre { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 13px; }
        pre { background: #fff; padding: 12px; overflow-x: auto; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        """;

    /// <summary>Opens a report page: doctype, head with this style sheet (and <paramref name="extraCss"/>), body, and the title.</summary>
    public static void Open(System.Text.StringBuilder html, string title, string extraCss = "")
    {
        var encoded = System.Net.WebUtility.HtmlEncode(title);
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine($"<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{encoded}</title>");
        html.AppendLine($"<style>{Css}{extraCss}</style></head>");
        html.AppendLine("<body><main>");
        html.AppendLine($"<h1>{encoded}</h1>");
    }
}
