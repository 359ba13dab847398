using Lethe.Reports;
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
/// <param name="ForgettingQuality">Pool: F of the Originals against the retrained models.</param>
/// <param name="ULira">Pool: U-LiRA of the Originals against the retrained models.</param>
/// <param name="MeanRankP">Rank: mean p over forget images.</param>
/// <param name="ShareAboveAll">Rank: share of forget images on which the Original's φ exceeds every retrained model's.</param>
/// <param name="UnseenMeanRankP">Rank: mean p over unseen images (the control).</param>
/// <param name="Passed">True when the Original looks memorised.</param>
/// <param name="Verdict">The outcome in words.</param>
public sealed record OriginalCheck(string Kind, int Originals, BootstrapInterval? ForgettingQuality, AttackMetrics? ULira,
    double? MeanRankP, double? ShareAboveAll, double? UnseenMeanRankP, bool Passed, string Verdict)
{
    /// <summary>Pool: the smallest U-LiRA AUC that counts as memorised.</summary>
    public const double MinimumAuc = 0.6;

    /// <summary>Rank: the largest mean p that counts as memorised (half the null's ½).</summary>
    public const double MaximumMeanRankP = 0.25;

    /// <summary>N Originals against N retrained models, over forget images.</summary>
    internal static OriginalCheck OfPool(IReadOnlyList<AuditModel> originals, IReadOnlyList<AuditModel> retrained, PhiColumns forget)
    {
        var (o, r) = (forget.Matrix(originals), forget.Matrix(retrained));
        try
        {
            var epsilon = ChallengeEpsilon.PerExample(o, r);
            var f = BootstrapInterval.OfMean(epsilon.Select(e => Audit.ForgettingQuality.Points(e, originals.Count)).ToArray());
            var ulira = Audit.ULira.Attack(o, r).Pooled;
            var passed = ulira.Auc >= MinimumAuc;
            return new OriginalCheck("pool", originals.Count, f, ulira, null, null, null, passed, passed
                ? $"passed: the {originals.Count} Originals look memorised (F {f.Value:F3}, U-LiRA AUC {ulira.Auc:F3} ≥ {MinimumAuc})"
                : $"FAILED: the {originals.Count} Originals are hard to tell from retrained models (F {f.Value:F3}, U-LiRA AUC {ulira.Auc:F3} < {MinimumAuc}): the forget set leaves little trace, so a high F below proves little");
        }
        catch (ArgumentException e)
        {
            return new OriginalCheck("pool", originals.Count, null, null, null, null, null, false, $"FAILED: could not be scored ({e.Message})");
        }
    }

    /// <summary>One Original ranked among N retrained models, on forget images and (as a control) unseen ones.</summary>
    internal static OriginalCheck OfOne(AuditModel original, IReadOnlyList<AuditModel> retrained, PhiColumns forget, PhiColumns unseen)
    {
        var (meanP, aboveAll) = Rank(forget.Matrix([original]), forget.Matrix(retrained));
        var (unseenP, _) = Rank(unseen.Matrix([original]), unseen.Matrix(retrained));
        var passed = meanP <= MaximumMeanRankP;
        var numbers = $"mean rank p {meanP:F3} on forget against {unseenP:F3} on unseen; above all {retrained.Count} retrained models on {NumberText.Percent(aboveAll)} of forget images";
        return new OriginalCheck("rank", 1, null, null, meanP, aboveAll, unseenP, passed, passed
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
