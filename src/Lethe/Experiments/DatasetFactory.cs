using Lethe.Data;

namespace Lethe.Experiments;

/// <summary>Builds the benchmark's sets for a spec. File-based datasets plug in here.</summary>
public static class DatasetFactory
{
    /// <summary>The sets of <paramref name="spec"/>'s dataset, refused by <see cref="SplitRules"/> before anything trains.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="cacheNote">Told, one line each, what the decoded-image cache found and did: a file changed after it
    /// was written (decoded again), a temp file of a killed write (removed). Not a note of the data: the same data comes
    /// out either way.</param>
    /// <exception cref="InvalidDataException">A set is empty (the message names which and why).</exception>
    public static BenchmarkData Build(ExperimentSpec spec, Action<string>? cacheNote = null)
    {
        var data = Load(spec, cacheNote);
        try
        {
            SplitRules.Require(SplitSizes.Of(data), spec.Forget ?? (spec.Dataset == Mufac.Name ? ForgetSelection.MufacDefault.ToString() : null));
            return data;
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    private static BenchmarkData Load(ExperimentSpec spec, Action<string>? cacheNote) => spec.Dataset switch
    {
        "synthfaces" => WithForgetSelection(SynthFaces.Build(spec.Synth with { ImageSize = spec.ImageSize, Seed = spec.Seed }, spec.TaskKind),
            spec.Forget, spec.Seed),
        "mufac" => WithCache(spec, cacheNote, cache => LoadMufac(spec, cache)),
        "mucac" or "mucac-male" or "mucac-smiling" or "mucac-young" => WithCache(spec, cacheNote, cache => LoadMucac(spec, cache)),
        _ => throw new ArgumentException($"unknown dataset '{spec.Dataset}'; known: {string.Join(", ", ExperimentSpec.Datasets)}"),
    };

    /// <summary>
    /// SynthFaces with <c>--forget</c>: the forget set is re-cut from train by the same rule as MUFAC's (first N rows, or
    /// N whole people chosen with the seed) and retain is the rest, so a small erasure request can be studied without
    /// files. Without <c>--forget</c>, the generator's own forget people.
    /// </summary>
    private static BenchmarkData WithForgetSelection(BenchmarkData data, string? forget, long seed)
    {
        if (forget is null) return data;
        var selection = ForgetSelection.Parse(forget);
        var rows = selection.Select(data.Train.Samples.Select(s => s.Identity).ToArray(), seed);
        var chosen = rows.ToHashSet();
        var rest = Enumerable.Range(0, data.Train.Count).Where(i => !chosen.Contains(i)).ToArray();
        var recut = new BenchmarkData
        {
            Name = data.Name, Task = data.Task, Train = data.Train, Test = data.Test, Unseen = data.Unseen,
            Forget = data.Train.Subset(rows), Retain = data.Train.Subset(rest),
            Fingerprint = $"{data.Fingerprint}/forget={selection}/seed={seed}", Notes = data.Notes,
        };
        data.Forget.Dispose();
        data.Retain.Dispose();
        return recut;
    }

    /// <summary>Decoded images live in their own cache folder, beside the checkpoints, shared by every run.</summary>
    public static string DataCacheDirectory(ExperimentSpec spec) => Path.Combine(spec.CacheDirectory, "data");

    /// <summary>MUCAC's count drift and missing images are notes, not errors: the reference's own copy lacked 100 images
    /// and still made the benchmark, so Lethe warns and goes on.</summary>
    private static BenchmarkData LoadMucac(ExperimentSpec spec, TensorCache cache)
    {
        var index = MucacIndex.Read(spec.DataDirectory!, spec.MucacThresholds());
        var data = Mucac.Load(index, spec.Dataset, spec.ImageSize, cache);
        return index.Warnings() is { Count: > 0 } warnings ? data.WithNotes(warnings.Select(w => $"warning: {w}").ToArray()) : data;
    }

    private static BenchmarkData LoadMufac(ExperimentSpec spec, TensorCache cache)
    {
        var forget = spec.Forget is null ? null : ForgetSelection.Parse(spec.Forget);
        return Mufac.Load(new MufacOptions(spec.DataDirectory!, spec.ImageSize, forget, spec.Seed, spec.SkipBad, spec.ExcludeDuplicates), cache);
    }

    /// <summary>Loads through the decoded-image cache and says what the cache found (see <see cref="Build"/>).</summary>
    private static BenchmarkData WithCache(ExperimentSpec spec, Action<string>? cacheNote, Func<TensorCache, BenchmarkData> load)
    {
        using var cache = new TensorCache(DataCacheDirectory(spec));
        foreach (var line in cache.Leftovers) cacheNote?.Invoke($"image cache: {line}");
        var data = load(cache);
        foreach (var line in cache.Rejections) cacheNote?.Invoke($"image cache: {line}; decoded again");
        return data;
    }

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
