using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// Finds the runs a report covers. A folder is either one run (results.json at its top) or a multi-seed run whose
/// sub-folders (seed-42/, seed-1/, ...) each hold one run of the same spec with another seed; sub-folders win when
/// both are present, since a multi-seed runner may leave a summary at the top.
/// </summary>
public static class RunFolder
{
    /// <summary>The runs in <paramref name="directory"/>, ordered by seed; throws if it holds none or they do not belong together.</summary>
    public static IReadOnlyList<StoredRun> Read(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"run folder not found: {directory}");
        var resultsFile = JsonReport.ResultsFile;
        var seedFolders = Directory.GetDirectories(directory)
            .Where(d => File.Exists(Path.Combine(d, resultsFile)))
            .ToArray();
        if (seedFolders.Length == 0 && !File.Exists(Path.Combine(directory, resultsFile)))
            throw new FileNotFoundException($"no {resultsFile} in {directory} or in any of its sub-folders");
        var runs = seedFolders.Length > 0 ? seedFolders.Select(StoredRun.Read).ToArray() : [StoredRun.Read(directory)];
        RequireOneExperiment(runs);
        return runs.OrderBy(r => r.Record.Spec.SweepSeed).ToArray();
    }

    /// <summary>Averaging runs of different settings, or the same seed twice, would give a meaningless interval.</summary>
    private static void RequireOneExperiment(IReadOnlyList<StoredRun> runs)
    {
        var first = runs[0];
        if (runs.FirstOrDefault(r => SettingsHash(r.Record.Spec) != SettingsHash(first.Record.Spec)) is { } other)
            throw new InvalidDataException($"{other.Directory} and {first.Directory} differ in more than the seed; a report averages one experiment over seeds");
        if (runs.GroupBy(r => r.Record.Spec.SweepSeed).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new InvalidDataException($"{string.Join(" and ", twice.Select(r => r.Directory))} have the same seed {twice.Key}");
    }

    private static string SettingsHash(ExperimentSpec spec) =>
        (spec.UnlearnSeed is null ? spec with { Seed = 0 } : spec with { UnlearnSeed = 0 }).ResultHash();
}
