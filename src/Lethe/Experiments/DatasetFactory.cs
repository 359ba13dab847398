using Lethe.Data;

namespace Lethe.Experiments;

/// <summary>Builds the benchmark's sets for a spec. File-based datasets plug in here.</summary>
public static class DatasetFactory
{
    public static BenchmarkData Build(ExperimentSpec spec) => spec.Dataset switch
    {
        "synthfaces" => SynthFaces.Build(spec.Synth with { ImageSize = spec.ImageSize, Seed = spec.Seed }, spec.TaskKind),
        "mufac" => LoadMufac(spec),
        _ => throw new ArgumentException($"unknown dataset '{spec.Dataset}'; known: {string.Join(", ", ExperimentSpec.Datasets)}"),
    };

    /// <summary>Decoded images live in their own cache folder, beside the checkpoints, shared by every run.</summary>
    public static string DataCacheDirectory(ExperimentSpec spec) => Path.Combine(spec.CacheDirectory, "data");

    private static BenchmarkData LoadMufac(ExperimentSpec spec)
    {
        using var cache = new TensorCache(DataCacheDirectory(spec));
        var forget = spec.Forget is null ? null : ForgetSelection.Parse(spec.Forget);
        return Mufac.Load(new MufacOptions(spec.DataDirectory!, spec.ImageSize, forget, spec.Seed, spec.SkipBad, spec.ExcludeDuplicates), cache);
    }

    public static DataSummary Summarise(BenchmarkData data)
    {
        var forgetPeople = data.Forget.Identities().ToHashSet();
        var retainPeople = data.Retain.Identities().ToHashSet();
        return new DataSummary(data.Name, data.Task.Name, data.Train.Height, data.Train.Count, data.Forget.Count,
            data.Retain.Count, data.Test.Count, data.Unseen.Count, forgetPeople.Count, retainPeople.Count,
            data.Test.Identities().Count, data.Unseen.Identities().Count,
            forgetPeople.Count(retainPeople.Contains), data.Fingerprint,
            data.Skipped.Count == 0 ? null : data.Skipped);
    }
}
