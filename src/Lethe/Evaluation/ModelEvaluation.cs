using System.Text.Json.Serialization;

namespace Lethe.Evaluation;

/// <summary>
/// Everything the benchmark reports about one model (spec §9): utility on test, the membership-inference attack on
/// forget versus unseen, the forgetting score F = |A - 0.5| (the README's "MIA" row), and NoMUS.
/// </summary>
public sealed record ModelEvaluation(
    double TestAccuracy,
    double? Top2TestAccuracy,
    IReadOnlyList<double> TestAttributeAccuracy,
    double ForgetAccuracy,
    double RetainAccuracy,
    double UnseenAccuracy,
    double AttackAccuracy,
    double ForgettingScore,
    double Nomus,
    double Lambda,
    int ForgetCountAttacked,
    int UnseenCount,
    double EvaluationSeconds)
{
    /// <summary>Per-sample losses on forget, unseen and test, kept for histograms (what the attack sees); not in tables.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, float[]> Losses { get; init; } = new Dictionary<string, float[]>();
}
