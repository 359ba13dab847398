using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>
/// One file format of Lethe's outputs. Every report of every kind goes through this interface and
/// <see cref="ReportFiles.Write"/>; a new format is one class, which prints <see cref="Report"/>'s common view for
/// kinds it does not know.
/// </summary>
public interface IReportFormat
{
    /// <summary>The name `lethe report --format` takes: "html", "md", "csv", "json", "latex".</summary>
    string Name { get; }

    /// <summary>The file extension without its dot: "html", "md", "csv", "json", "tex".</summary>
    string Extension { get; }

    /// <summary>
    /// True if the format shows a report's figures: they are drawn (as files) only when a format being written shows
    /// them, so writing only JSON or CSV draws nothing.
    /// </summary>
    bool ShowsFigures { get; }

    /// <summary>The file's whole text.</summary>
    /// <param name="report">What to render.</param>
    /// <param name="figures">The report's figures, drawn by <see cref="Report.DrawFigures"/>; null when the report has
    /// none or they were not drawn (a format that shows them then leaves them out, or throws for an audit, whose
    /// layout is built around them).</param>
    /// <param name="folder">The folder the file goes to, so that links to figures are relative to it.</param>
    string Render(Report report, ReportFigures? figures, string folder);
}
