using Lethe.Audit;
using Lethe.Data;

namespace Lethe.Reports.Audit;

/// <summary>Writes an audit's files: audit.json (every number), report.md, report.html, and the plots and thumbnails they show.</summary>
public static class AuditReport
{
    /// <summary>Writes every file into <paramref name="directory"/>; returns their paths.</summary>
    /// <param name="result">The scores.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="data">The audit's data, for thumbnails of the most exposed people's forget images.</param>
    /// <param name="facts">The command, wall time and cells.</param>
    public static IReadOnlyList<string> Write(AuditResult result, string directory, BenchmarkData data, AuditRunFacts facts)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "audit.json");
        result.Write(json);
        var plots = Path.Combine(directory, "plots");
        Directory.CreateDirectory(plots);
        var figures = new[] { VulnerabilityPlot.Draw(result, plots), ForgettingQualityPlot.Draw(result, plots) };
        var exposed = ExposedPeople.Of(result, data, Path.Combine(directory, "thumbs"));
        var markdown = Path.Combine(directory, "report.md");
        IO.AtomicFile.WriteAllText(markdown, AuditMarkdown.Render(result, facts, figures, exposed, directory));
        var html = Path.Combine(directory, "report.html");
        IO.AtomicFile.WriteAllText(html, AuditHtml.Render(result, facts, figures, exposed, directory));
        return [json, markdown, html, .. figures.Select(f => f.PngPath)];
    }
}
