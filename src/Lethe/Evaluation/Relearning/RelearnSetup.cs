using Lethe.Data;

namespace Lethe.Evaluation.Relearning;

/// <summary>What the relearning test needs beyond a <see cref="Metrics.MetricContext"/>: its settings and the run's
/// retain images, training transform and architecture.</summary>
/// <param name="Options">The settings, already resolved from the spec.</param>
/// <param name="Retain">The whole retain set; relearning draws its seeded subset from it.</param>
/// <param name="Architecture">The models' architecture name, to copy them (<see cref="Models.Networks.Copy"/>).</param>
/// <param name="TrainTransform">The training transform, as fine-tuning on retain uses it.</param>
/// <param name="Seed">The run's seed, used when <see cref="RelearnOptions.Seed"/> is null.</param>
public sealed record RelearnSetup(RelearnOptions Options, ImageSet Retain, string Architecture, IImageTransform TrainTransform, long Seed)
{
    /// <summary>Where the Original's and Retrained's curves are kept (the checkpoint cache folder); null keeps them in
    /// this process only.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Names the data (the benchmark's fingerprint), part of a cached curve's key.</summary>
    public string DataKey { get; init; } = "";

    /// <summary>Lines on what relearning did and cost.</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>Told of each curve relearned (not one read from a cache), e.g. to add up what relearning cost.</summary>
    public Action<RelearnCurve>? Made { get; init; }

    public CancellationToken Cancel { get; init; }

    /// <summary>The seed of the subset, its order and augmentation.</summary>
    public long EffectiveSeed => Options.Seed ?? Seed;
}

/// <summary>Relearning for one evaluation: a setup, or why there is none ("skipped (--no-relearn)").</summary>
public sealed record RelearnRequest(RelearnSetup? Setup, string? Absent)
{
    public static RelearnRequest On(RelearnSetup setup) => new(setup, null);

    public static RelearnRequest Off(string why) => new(null, why);

    /// <summary>The reason `--no-relearn` gives.</summary>
    public static RelearnRequest Skipped { get; } = Off("skipped (--no-relearn)");
}
