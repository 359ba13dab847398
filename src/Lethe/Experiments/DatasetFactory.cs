using Lethe.Data;

namespace Lethe.Experiments;

/// <summary>Builds the benchmark's sets for a spec, through the dataset's registration (<see cref="DatasetRegistry"/>).</summary>
public static class DatasetFactory
{
    /// <summary>The sets of <paramref name="spec"/>'s dataset (its registration's loader), refused by
    /// <see cref="SplitRules"/> before anything trains.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="cacheNote">Told, one line each, what the decoded-image cache found and did: a file changed after it
    /// was written (decoded again), a temp file of a killed write (removed). Not a note of the data: the same data comes
    /// out either way.</param>
    /// <exception cref="ArgumentException">An unknown dataset (the message lists the known ones).</exception>
    /// <exception cref="InvalidDataException">A set is empty (the message names which and why).</exception>
    public static BenchmarkData Build(ExperimentSpec spec, Action<string>? cacheNote = null)
    {
        var dataset = DatasetRegistry.Default.Get(spec.Dataset);
        var data = dataset.Load(spec.DataRequest(), cacheNote);
        try
        {
            SplitRules.Require(SplitSizes.Of(data), spec.Forget ?? dataset.DefaultForget?.ToString());
            return data;
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Decoded images live in their own cache folder, beside the checkpoints, shared by every run.</summary>
    public static string DataCacheDirectory(ExperimentSpec spec) => Path.Combine(spec.CacheDirectory, "data");

    public static DataSummary Summarise(BenchmarkData data)
    {
        var forgetPeople = data.Forget.Identities().ToHashSet();
        var retainPeople = data.Retain.Identities().ToHashSet();
        return new DataSummary(data.Name, data.Task.Name, data.Train.Height, data.Train.Count, data.Forget.Count,
            data.Retain.Count, data.Test.Count, data.Unseen.Count, forgetPeople.Count, retainPeople.Count,
            data.Test.Identities().Count, data.Unseen.Identities().Count,
            forgetPeople.Count(retainPeople.Contains), data.Fingerprint,
            data.Notes.Count == 0 ? null : data.Notes, ClassCoverage.Of(data));
    }
}
