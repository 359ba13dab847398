using Lethe.Data;
using Lethe.Models;

namespace Lethe.Evaluation;

/// <summary>
/// The sets every model of a run is scored on, chosen once: test, forget and unseen whole, and retain whole or as the
/// run's seeded sample (<see cref="EvaluationOptions.RetainSampleSize"/>), whose pixels are copied once rather than per
/// model. Disposing frees only that copy; the other sets belong to the benchmark's data.
/// </summary>
public sealed class EvaluationSets : IDisposable
{
    private readonly bool _ownsRetain;

    private EvaluationSets(BenchmarkData data, ImageSet? retain, RetainSample? sample, IReadOnlyList<int>? rows, bool ownsRetain)
    {
        (Task, Test, Forget, Unseen, Retain, RetainSample, RetainRows, _ownsRetain) =
            (data.Task, data.Test, data.Forget, data.Unseen, retain, sample, rows, ownsRetain);
    }

    public PredictionTask Task { get; }

    public ImageSet Test { get; }

    public ImageSet Forget { get; }

    public ImageSet Unseen { get; }

    /// <summary>The retain images scored; null when retain is not scored.</summary>
    public ImageSet? Retain { get; }

    /// <summary>How many of the retain set's images <see cref="Retain"/> holds; null when retain is not scored.</summary>
    public RetainSample? RetainSample { get; }

    /// <summary>
    /// Each scored retain image's position in the whole retain set, when <see cref="Retain"/> is a sample (so stored φ
    /// rows keep their place in retain's full order); null when retain is scored whole or not at all.
    /// </summary>
    public IReadOnlyList<int>? RetainRows { get; }

    /// <summary>The sets of <paramref name="data"/> under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">A retain sample size below 1.</exception>
    public static EvaluationSets Of(BenchmarkData data, EvaluationOptions options)
    {
        if (SampleOf(data.Retain.Count, options, out var rows) is not { } sample) return new(data, null, null, null, false);
        return sample.Whole ? new(data, data.Retain, sample, null, false) : new(data, data.Retain.Subset(rows), sample, rows, true);
    }

    /// <summary>The retain sample <paramref name="options"/> score out of <paramref name="retainCount"/> images, or null
    /// when retain is not scored: what <see cref="Of"/> will use, known before any data is subset.</summary>
    public static RetainSample? SampleOf(int retainCount, EvaluationOptions options) => SampleOf(retainCount, options, out _);

    private static RetainSample? SampleOf(int retainCount, EvaluationOptions options, out int[] rows)
    {
        rows = options.ScoreRetain ? Lethe.Evaluation.RetainSample.Rows(retainCount, options.RetainSampleSize, options.RetainSampleSeed) : [];
        return options.ScoreRetain ? new RetainSample(rows.Length, retainCount) : null;
    }

    public void Dispose()
    {
        if (_ownsRetain) Retain!.Dispose();
    }
}
