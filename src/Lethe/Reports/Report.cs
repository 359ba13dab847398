using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>
/// One output of Lethe, whatever made it: a benchmark run (<see cref="RunReport"/>), a summary over seeds
/// (<see cref="SummaryReport"/>), an audit (<see cref="Audit.AuditReport"/>) or an evaluation of given models
/// (<see cref="EvaluationReport"/>). Every kind carries the same view (title, facts, warnings, notes, tables), so a
/// format that knows none of the kinds still prints all of them; the formats Lethe ships also know each kind's own
/// layout. The kinds are closed (only this assembly adds one), the formats open (<see cref="IReportFormat"/>).
/// </summary>
public abstract record Report
{
    private protected Report() { }

    /// <summary>The file name before the format's extension: "results", "report", "evaluation".</summary>
    public abstract string Stem { get; }

    /// <summary>The heading every format opens with.</summary>
    public abstract string Title { get; }

    /// <summary>How the result came about (command, data, versions, machine), in the order they are printed.</summary>
    public abstract IReadOnlyList<RunFact> Facts { get; }

    /// <summary>What a reader must see before the numbers (a Debug build, a failed check); empty when none.</summary>
    public abstract IReadOnlyList<string> Warnings { get; }

    /// <summary>How to read the numbers, one paragraph each.</summary>
    public abstract IReadOnlyList<string> Notes { get; }

    /// <summary>The numbers, the headline table first.</summary>
    public abstract IReadOnlyList<ReportTable> Tables { get; }

    /// <summary>The file <paramref name="format"/> writes for this report: <see cref="Stem"/>.<see cref="IReportFormat.Extension"/>.</summary>
    public virtual string FileName(IReportFormat format) => $"{Stem}.{format.Extension}";

    /// <summary>
    /// Draws the figures of this report as files under <paramref name="folder"/> (the folder its files go to) and
    /// returns them, or null for a kind that has none. Only called when a format to be written shows figures.
    /// </summary>
    public virtual ReportFigures? DrawFigures(string folder) => null;
}
