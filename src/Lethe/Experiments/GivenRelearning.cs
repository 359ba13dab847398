using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation.Metrics;
using Lethe.Evaluation.Relearning;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Experiments;

/// <summary>
/// The relearning test of `lethe evaluate`: the spec's settings on the evaluation's retain set, seeded with its seed, the
/// given Original's and Retrained's curves cached in &lt;cache&gt;/relearn/ under their files' SHA-256 (as a given Original's
/// are in a benchmark), so a second evaluation against the same two relearns only the model. What it will cost is said
/// before anything relearns.
/// </summary>
public static class GivenRelearning
{
    /// <summary>The test's request, after saying on <paramref name="progress"/> which curves it will make and what they cost
    /// (timed by a few training steps at the relearning batch); <see cref="RelearnRequest.Skipped"/> with --no-relearn.</summary>
    /// <param name="forgetImages">The forget images each scoring of a curve scores.</param>
    public static RelearnRequest Prepare(ExperimentSpec spec, BenchmarkData data, int forgetImages, Reference original, Reference retrained,
        Device device, IProgress<string>? progress)
    {
        var request = spec.RelearnFor(data, new TrainTransform(spec.ImageSize, spec.Augmentation), spec.Seed);
        if (request.Setup is not { } setup) return request;
        setup = setup with { Progress = progress };
        var references = new[] { (Reference: original, Whose: "the Original's"), (Reference: retrained, Whose: "Retrained's") }
            .Where(r => r.Reference.Model is not null).ToArray();
        bool Cached((Reference Reference, string Whose) r) => ReferenceCurves.IsStored(ReferenceCurves.Key(r.Reference.Key!, setup), setup.CacheDirectory);
        var made = references.Where(r => !Cached(r)).Select(r => r.Whose).Prepend("the model's").ToArray();
        var cached = references.Where(Cached).Select(r => r.Whose).ToArray();
        var speed = TrainSpeed.Calibrate(spec.Architecture, data.Task, data.Retain.Samples, setup.Options.BatchSize, spec.ImageSize, device);
        progress?.Report($"relearning test: {RelearnCost.Describe(made.Length, setup.Options, forgetImages, speed)} ({string.Join(", ", made)})"
            + (cached.Length > 0 ? $"; {string.Join(" and ", cached)} from {Path.Combine(setup.CacheDirectory!, "relearn")}" : "")
            + (references.Length < 2 ? "; with --original and --retrained the model's curve is compared with theirs" : ""));
        return RelearnRequest.On(setup);
    }
}
