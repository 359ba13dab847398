namespace Lethe.Audit.Metrics;

/// <summary>
/// Leave-one-out U-LiRA (<see cref="Audit.ULira"/>) pooled over models and forget images: AUC, balanced accuracy at the
/// test's own threshold, the best balanced accuracy over thresholds, and TPR at 1% and 0.1% FPR
/// (<see cref="AttackMetrics"/>). Chance is 0.5, and TPR = FPR.
/// </summary>
public sealed class ULiraMetric : IAuditMetric
{
    /// <summary>The prefix of the pooled attack's keys.</summary>
    public const string Prefix = "u-lira/";

    public const string Auc = "u-lira/auc";
    public const string BalancedAccuracy = "u-lira/balanced-accuracy";

    /// <summary>Each value of an attack: key suffix, table column, and how it is read off the metrics.</summary>
    private static readonly (string Suffix, string Column, Func<AttackMetrics, double> Of)[] Parts =
    [
        ("auc", "U-LiRA AUC", m => m.Auc),
        ("balanced-accuracy", "U-LiRA bal. acc", m => m.BalancedAccuracy),
        ("best-balanced-accuracy", "U-LiRA best bal. acc", m => m.BestBalancedAccuracy),
        ("tpr-at-1%-fpr", "TPR@1%FPR", m => m.TprAt1PercentFpr),
        ("tpr-at-0.1%-fpr", "TPR@0.1%FPR", m => m.TprAtTenthPercentFpr),
    ];

    /// <summary>The best balanced accuracy is optimistic (its threshold is fitted on what it measures), so the table leaves it out.</summary>
    private const string Optimistic = "best-balanced-accuracy";

    public string Name => "u-lira";

    public IReadOnlyList<AuditRow> Rows { get; } = RowsOf(Prefix, headline: true);

    public IReadOnlyDictionary<string, AuditValue> Measure(AuditComparison comparison) => comparison.Forget?.PerImage is not { } images
        ? AuditValues.AllNone(Rows, comparison.Unscored!)
        : ValuesOf(Prefix, images);

    /// <summary>The rows of an attack's values under <paramref name="prefix"/>; in the table when <paramref name="headline"/>.</summary>
    public static AuditRow[] RowsOf(string prefix, bool headline) =>
        Parts.Select(p => new AuditRow(prefix + p.Suffix, headline && p.Suffix != Optimistic ? p.Column : null)).ToArray();

    /// <summary>An attack's values keyed under <paramref name="prefix"/>.</summary>
    public static Dictionary<string, AuditValue> ValuesOf(string prefix, AttackMetrics metrics) =>
        Parts.ToDictionary(p => prefix + p.Suffix, p => AuditValue.Of(p.Of(metrics)));

    /// <summary>The attack's values on <paramref name="scores"/> keyed under <paramref name="prefix"/>, each missing with
    /// the reason when the attack did not run (too few models a side).</summary>
    public static Dictionary<string, AuditValue> ValuesOf(string prefix, ForgettingScores scores) => scores.ULira is { Pooled: var pooled }
        ? ValuesOf(prefix, pooled)
        : Parts.ToDictionary(p => prefix + p.Suffix, _ => AuditValue.None(scores.ULiraMissing!));
}
