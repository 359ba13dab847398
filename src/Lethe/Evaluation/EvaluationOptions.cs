namespace Lethe.Evaluation;

/// <summary>Options of the evaluation: NoMUS's λ, which retain images are scored, and the attack's settings.</summary>
/// <param name="Lambda">NoMUS's weight of test accuracy. Default 0.5 (the paper's).</param>
/// <param name="ScoreRetain">Score retain at all; false reports no retain accuracy (NaN). Default true.</param>
public sealed record EvaluationOptions(double Lambda = 0.5, bool ScoreRetain = true)
{
    /// <summary>
    /// Retain images scored per model: a seeded sample of this many (see <see cref="RetainSample"/>), or null for all of
    /// retain. Default <see cref="RetainSample.DefaultSize"/> (2,000).
    /// </summary>
    public int? RetainSampleSize { get; init; } = RetainSample.DefaultSize;

    /// <summary>Seed of the retain sample; the benchmark passes the experiment seed. Default 42.</summary>
    public long RetainSampleSeed { get; init; } = 42;

    public MembershipInferenceOptions Attack { get; init; } = new();

    public static EvaluationOptions Default { get; } = new();
}
