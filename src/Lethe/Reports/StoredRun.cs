using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// One finished run read back from its folder: the record of results.json, and each model's per-sample losses by set
/// ("forget", "unseen", "test") where the run stored them (runs before losses were stored have none).
/// </summary>
public sealed record StoredRun(string Directory, RunRecord Record, IReadOnlyDictionary<string, IReadOnlyDictionary<string, float[]>> Losses)
{
    /// <summary>Reads the run in <paramref name="directory"/>; throws if it has no results.json.</summary>
    public static StoredRun Read(string directory)
    {
        var path = Path.Combine(directory, JsonReport.ResultsFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"no {Path.GetFileName(path)} in {directory}");
        return Of(directory, JsonReport.Read(path));
    }

    /// <summary>The run of <paramref name="record"/>, whose per-sample losses are stored in <paramref name="directory"/>.</summary>
    public static StoredRun Of(string directory, RunRecord record)
    {
        var store = new RunStore(directory, record.ResultHash);
        var losses = new Dictionary<string, IReadOnlyDictionary<string, float[]>>();
        foreach (var model in record.Models)
            if (store.TryGetLosses(model.Label) is { } stored) losses[model.Label] = stored;
        return new StoredRun(directory, record, losses);
    }
}
