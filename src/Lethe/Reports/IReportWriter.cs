using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>Writes a run in one format. Adding a format means adding one writer.</summary>
public interface IReportWriter
{
    /// <summary>The file name this writer produces in the output folder ("results.md").</summary>
    string FileName { get; }

    string Render(RunRecord run);
}
