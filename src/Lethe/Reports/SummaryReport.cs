using Lethe.Experiments;
using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>
/// One experiment over its seeds (one run: that run), as `lethe report` and a sweep write it: report.html, .md, .csv,
/// .json and .tex, with the trade-off, cost, training and loss figures drawn into <paramref name="Directory"/>/plots/.
/// </summary>
/// <param name="Summary">The table over the seeds.</param>
/// <param name="Runs">The runs, ordered by seed, with their stored per-sample losses (for the loss histograms).</param>
/// <param name="Directory">The run folder (one run, or one seed-&lt;n&gt;/ sub-folder per seed); its plots/ holds the
/// figures whichever folder the report file goes to, so every format links the same images.</param>
public sealed record SummaryReport(SeedSummary Summary, IReadOnlyList<StoredRun> Runs, string Directory) : Report
{
    public override string Stem => "report";

    public override string Title => MarkdownReport.Title(Summary.Runs[0].Data);

    public override IReadOnlyList<RunFact> Facts => RunFacts.Of(Summary);

    public override IReadOnlyList<string> Warnings => ReportWarnings.Of(Summary.Runs);

    public override IReadOnlyList<string> Notes =>
        [.. ReportNotes.Of(Summary.Runs), .. Summary.Runs.Count > 1 ? [SummaryMarkdown.IntervalNote(Summary.Runs.Count)] : Array.Empty<string>()];

    public override IReadOnlyList<ReportTable> Tables =>
    [
        new("Results", ["Metric", .. Summary.Models], Summary.Rows
            .Select(row => (IReadOnlyList<string>)[row.Metric, .. Summary.Models.Select((_, i) => Summary.Cell(row, i))]).ToArray()),
        .. Summary.Runs.Count > 1 ? Summary.Runs.Select(r => ReportTable.From($"Seed {r.Spec.SweepSeed}", ResultsTable.From(r))) : [],
    ];

    /// <summary>Draws into <see cref="Directory"/>/plots/, not <paramref name="folder"/> (see <see cref="Directory"/>).</summary>
    public override ReportFigures? DrawFigures(string folder) => PlotSet.Write(Summary, Runs, Path.Combine(Directory, PlotSet.Folder));

    /// <summary>The runs stored in <paramref name="directory"/> (see <see cref="RunFolder.Read"/>).</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">No results.json in it or its sub-folders.</exception>
    /// <exception cref="InvalidDataException">Runs that differ in more than their seed, or a damaged results file.</exception>
    public static SummaryReport Read(string directory)
    {
        var runs = RunFolder.Read(directory);
        return new SummaryReport(SeedSummary.From(runs.Select(r => r.Record).ToArray()), runs, directory);
    }

    /// <summary>
    /// The runs just made, each in its own <see cref="ExperimentSpec.OutputDirectory"/>, without reading their
    /// results.json back; only the per-sample losses come from each run's store.
    /// </summary>
    public static SummaryReport Of(IReadOnlyList<RunRecord> runs, string directory)
    {
        var stored = runs.OrderBy(r => r.Spec.SweepSeed).Select(r => StoredRun.Of(r.Spec.OutputDirectory, r)).ToArray();
        return new SummaryReport(SeedSummary.From(stored.Select(r => r.Record).ToArray()), stored, directory);
    }
}
