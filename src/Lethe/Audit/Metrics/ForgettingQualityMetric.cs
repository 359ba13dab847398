namespace Lethe.Audit.Metrics;

/// <summary>
/// The NeurIPS-2023 challenge's scores over forget images: F (<see cref="Audit.ForgettingQuality"/>) with a 95%
/// bootstrap interval over images, the mean ε, and the final score F × retain-accuracy ratio × test-accuracy ratio
/// (<see cref="ChallengeScore"/>).
/// </summary>
public sealed class ForgettingQualityMetric : IAuditMetric
{
    public const string F = "forgetting-quality/f";
    public const string MeanEpsilon = "forgetting-quality/mean-epsilon";
    public const string Final = "forgetting-quality/final";

    public string Name => "forgetting-quality";

    public IReadOnlyList<AuditRow> Rows { get; } =
    [
        new(F, "F (95% CI)", Shown: AuditShown.Interval),
        new(MeanEpsilon, "mean ε", "F2"),
        new(Final, "final score"),
    ];

    public IReadOnlyDictionary<string, AuditValue> Measure(AuditComparison comparison)
    {
        if (comparison.Forget is not { PerImage: var images }) return AuditValues.AllNone(Rows, comparison.Unscored!);
        // The final score is F times two ratios: it goes where F goes.
        if (images.EpsilonMissing is { } why) return AuditValues.AllNone(Rows, why);
        return new Dictionary<string, AuditValue>
        {
            [F] = AuditValue.Of(Quality(images, comparison.Models)),
            [MeanEpsilon] = AuditValue.Of(MeanOf(images)),
            [Final] = FinalScore(images.ForgettingQuality!.Value, comparison),
        };
    }

    /// <summary>F over the examples with its bootstrap interval: each example's F points for its ε, averaged.</summary>
    /// <param name="models">Models per pool, which set F's ε buckets.</param>
    /// <exception cref="InvalidOperationException">Scores whose ε is missing.</exception>
    public static BootstrapInterval Quality(ForgettingScores scores, int models) =>
        BootstrapInterval.OfMean(EpsilonOf(scores).Select(e => ForgettingQuality.Points(e, models)).ToArray());

    /// <summary>Mean ε over the examples with its bootstrap interval.</summary>
    /// <exception cref="InvalidOperationException">Scores whose ε is missing.</exception>
    public static BootstrapInterval MeanOf(ForgettingScores scores) => BootstrapInterval.OfMean(EpsilonOf(scores));

    private static double[] EpsilonOf(ForgettingScores scores) => scores.Epsilon?.Select(d => d.Epsilon).ToArray()
        ?? throw new InvalidOperationException($"no ε to summarise: {scores.EpsilonMissing}");

    private static AuditValue FinalScore(double forgettingQuality, AuditComparison comparison)
    {
        var (unlearned, retrained) = (comparison.Unlearned, comparison.Retrained);
        if (unlearned.Count == 0 || retrained.Count == 0) return AuditValue.None(AuditComparison.NoResults);
        try
        {
            return AuditValue.Of(ChallengeScore.Of(forgettingQuality,
                unlearned.Select(e => e.RetainAccuracy).ToArray(), unlearned.Select(e => e.TestAccuracy).ToArray(),
                retrained.Select(e => e.RetainAccuracy).ToArray(), retrained.Select(e => e.TestAccuracy).ToArray()).Final);
        }
        catch (ArgumentException e)
        {
            return AuditValue.None(e.Message);
        }
    }
}
