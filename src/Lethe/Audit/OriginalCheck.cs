using Lethe.Audit.Metrics;
using Lethe.Numerics;

namespace Lethe.Audit;

/// <summary>
/// The audit's positive control (issue 12): the Original, which trained on the forget set, must look memorised against
/// the retrained pool, or the forget set leaves no trace to find and a method's high F proves nothing.
/// With N Originals (population mode) they are scored as an unlearned pool: F must be low and U-LiRA well above chance.
/// With one Original (fixed-original mode) there is no pool, so each forget image's φ under the Original is ranked
/// among the N retrained models' (p = (1 + #retrained with φ ≥ the Original's) / (N + 1)): a model like the retrained
/// ones has a mean p of about ½; a memorising one sits above them all (p = 1/(N + 1)). The unseen set, which neither saw,
/// is ranked the same way as a control.
/// </summary>
/// <param name="Kind">"pool" (N Originals) or "rank" (one Original).</param>
/// <param name="Originals">Originals scored.</param>
/// <param name="MeanRankP">Rank: mean p over forget images.</param>
/// <param name="ShareAboveAll">Rank: share of forget images on which the Original's φ exceeds every retrained model's.</param>
/// <param name="UnseenMeanRankP">Rank: mean p over unseen images (the control).</param>
/// <param name="Scores">Every registered score of the Originals against the Retrained pool, by key; with one Original
/// (rank) only the single-model ones exist, the rest are missing with the reason.</param>
/// <param name="Passed">True when the Original looks memorised.</param>
/// <param name="Verdict">The outcome in words.</param>
public sealed record OriginalCheck(string Kind, int Originals, double? MeanRankP, double? ShareAboveAll, double? UnseenMeanRankP,
    IReadOnlyDictionary<string, AuditValue> Scores, bool Passed, string Verdict)
{
    /// <summary>Pool: the smallest U-LiRA AUC that counts as memorised.</summary>
    public const double MinimumAuc = 0.6;

    /// <summary>Rank: the largest mean p that counts as memorised (half the null's ½).</summary>
    public const double MaximumMeanRankP = 0.25;

    /// <summary>Why one Original has no many-model scores.</summary>
    public const string NoPool = "one Original: ranked among the Retrained models, not scored as a pool (see the Original check)";

    /// <summary>N Originals against N retrained models, judged on forget images.</summary>
    internal static OriginalCheck OfPool(IReadOnlyList<AuditModel> originals, IReadOnlyList<AuditModel> retrained,
        PhiColumns forget, PhiColumns retain, PhiColumns unseen)
    {
        var comparison = AuditComparison.Of(originals, retrained, originals, forget, retain, unseen);
        var scores = AuditMetricRegistry.MeasureAll(comparison);
        if (comparison.Unscored is { } unscored)
            return new OriginalCheck("pool", originals.Count, null, null, null, scores, false, $"FAILED: could not be scored ({unscored})");
        var auc = scores.Get(ULiraMetric.Auc).Value ?? double.NaN;
        // F is quoted only where the audit's N supports it (ForgettingQuality.MinimumModels).
        var f = scores.Get(ForgettingQualityMetric.F).Value is { } value ? $"F {value:F3}, " : "";
        var passed = auc >= MinimumAuc;
        return new OriginalCheck("pool", originals.Count, null, null, null, scores, passed, passed
            ? $"passed: the {originals.Count} Originals look memorised ({f}U-LiRA AUC {auc:F3} ≥ {MinimumAuc})"
            : $"FAILED: the {originals.Count} Originals are hard to tell from retrained models ({f}U-LiRA AUC {auc:F3} < {MinimumAuc}): the forget set leaves little trace, so a high F below proves little");
    }

    /// <summary>One Original ranked among N retrained models, on forget images and (as a control) unseen ones.</summary>
    internal static OriginalCheck OfOne(AuditModel original, IReadOnlyList<AuditModel> retrained, PhiColumns forget, PhiColumns unseen)
    {
        var (meanP, aboveAll) = Rank(forget.Matrix([original]), forget.Matrix(retrained));
        var (unseenP, _) = Rank(unseen.Matrix([original]), unseen.Matrix(retrained));
        var passed = meanP <= MaximumMeanRankP;
        var scores = AuditMetricRegistry.MeasureAll(AuditComparison.Unscorable(1, NoPool,
            [original.Result.Evaluation], retrained.Select(m => m.Result.Evaluation).ToArray()));
        var numbers = $"mean rank p {meanP:F3} on forget against {unseenP:F3} on unseen; above all {retrained.Count} retrained models on {NumberText.Percent(aboveAll)} of forget images";
        return new OriginalCheck("rank", 1, meanP, aboveAll, unseenP, scores, passed, passed
            ? $"passed: the Original looks memorised ({numbers}; a retrained-like model has p ≈ 0.5)"
            : $"FAILED: the Original does not stand out from the retrained models ({numbers}); the forget set leaves little trace");
    }

    /// <summary>Mean rank p and the share of examples above every retrained model.</summary>
    public static (double MeanP, double ShareAboveAll) Rank(double[,] one, double[,] retrained)
    {
        var (examples, n) = (one.GetLength(1), retrained.GetLength(0));
        double sumP = 0;
        var above = 0;
        for (var e = 0; e < examples; e++)
        {
            var atLeast = 0;
            for (var m = 0; m < n; m++) if (retrained[m, e] >= one[0, e]) atLeast++;
            sumP += (1.0 + atLeast) / (n + 1);
            if (atLeast == 0) above++;
        }
        return (sumP / examples, (double)above / examples);
    }
}
