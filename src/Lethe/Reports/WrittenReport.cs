using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>What <see cref="ReportFiles.Write"/> wrote, for the caller to print without reading a file back.</summary>
/// <param name="Report">The report written.</param>
/// <param name="Files">The report's files, one per format, in the order of the formats.</param>
/// <param name="Figures">The figures drawn for them (PNG and SVG each), or null when no format shows figures.</param>
public sealed record WrittenReport(Report Report, IReadOnlyList<string> Files, ReportFigures? Figures)
{
    /// <summary>The report's files, then each figure's PNG (its SVG lies beside it).</summary>
    public IReadOnlyList<string> WithFigures => [.. Files, .. Figures?.All.Select(f => f.PngPath) ?? []];
}
