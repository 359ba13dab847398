using System.Text.Json.Serialization;
using Lethe.Audit;

namespace Lethe.Evaluation;

/// <summary>
/// Everything the benchmark reports about one model: utility on test, the membership-inference attack on forget
/// versus unseen, the forgetting score F = |A - 0.5| (the "MIA" row of the reference README's tables), and NoMUS.
/// </summary>
/// <param name="ForgetCountAttacked">Forget rows the attack used (0 when it could not run).</param>
/// <param name="UnseenCount">Size of the unseen set (the attack may use fewer; see <see cref="Attack"/>).</param>
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
    /// <summary>
    /// AUC, TPR at 1% FPR, fold spread and the sets the attack compared; null when the attack could not run (non-finite
    /// losses) and in runs stored before these were recorded.
    /// </summary>
    public AttackStatistics? Attack { get; init; }

    /// <summary>
    /// Why the attack has no result, so A, F and NoMUS are NaN and shown as "–": sets too small for its splits
    /// (<see cref="AttackFeasibility"/>) or losses that are not finite. Null when it ran, and in runs stored before the
    /// reason was recorded.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? AttackNotComputed { get; init; }

    /// <summary>
    /// How many of the retain set's images <see cref="RetainAccuracy"/> was measured on; null when retain was not scored
    /// and in runs stored before sampling existed, which scored all of retain.
    /// </summary>
    public RetainSample? RetainSample { get; init; }

    /// <summary>
    /// The registered metrics' values (see <see cref="Metrics.MetricRegistry"/>), keyed "metric/row"; empty in runs
    /// stored before metrics were registered, whose reports show "–" for them.
    /// </summary>
    public IReadOnlyDictionary<string, Metrics.MetricValue> Metrics { get; init; } = new Dictionary<string, Metrics.MetricValue>();

    /// <summary>
    /// The curves the registered metrics read their values from (the relearning curves, the weight line), keyed
    /// "metric/curve", for plots; null when no metric gave one (then left out of results.json, which reads as before) and
    /// in runs stored before curves were kept.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, Metrics.MetricCurve>? Curves { get; init; }

    /// <summary>Per-sample losses on forget, unseen and test, kept for histograms (what the attack sees); not in tables.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, float[]> Losses { get; init; } = new Dictionary<string, float[]>();

    /// <summary>
    /// φ of every example of forget, retain (when scored), test and unseen, from the same pass as the accuracies; stored
    /// beside the result as a Parquet file (see PhiTable), not in the JSON.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<PhiRow> Phi { get; init; } = [];
}
