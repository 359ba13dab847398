using Lethe.Evaluation;
using Lethe.Numerics;

namespace Lethe.Audit.Metrics;

/// <summary>
/// For comparison with the many-model scores, the single-model numbers of the row's models, each a mean with its 95%
/// t-interval over the models: the reference's population attack accuracy, NoMUS, and test, retain and forget
/// accuracy. They summarise models rather than compare pools, so a row of Retrained models (the null row) gives what
/// a Retrained model scores.
/// </summary>
public sealed class SingleModelMetric : IAuditMetric
{
    public const string Attack = "single-model/attack";
    public const string Nomus = "single-model/nomus";
    public const string TestAccuracy = "single-model/test-accuracy";
    public const string RetainAccuracy = "single-model/retain-accuracy";
    public const string ForgetAccuracy = "single-model/forget-accuracy";

    private static readonly (string Key, string? Column, Func<ModelEvaluation, double> Of)[] Parts =
    [
        (Attack, "pop. attack acc", e => e.AttackAccuracy),
        (Nomus, "NoMUS", e => e.Nomus),
        (TestAccuracy, "test acc", e => e.TestAccuracy),
        (RetainAccuracy, null, e => e.RetainAccuracy),
        (ForgetAccuracy, null, e => e.ForgetAccuracy),
    ];

    public string Name => "single-model";

    public IReadOnlyList<AuditRow> Rows { get; } = Parts.Select(p => new AuditRow(p.Key, p.Column, Shown: AuditShown.PlusMinus)).ToArray();

    public IReadOnlyDictionary<string, AuditValue> Measure(AuditComparison comparison) => Parts.ToDictionary(p => p.Key,
        p => AuditValue.Of(ConfidenceInterval.Of(comparison.Unlearned.Select(p.Of)),
            comparison.Unlearned.Count == 0 ? AuditComparison.NoResults : "no model has a finite value"));
}
