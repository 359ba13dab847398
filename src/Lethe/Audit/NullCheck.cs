namespace Lethe.Audit;

/// <summary>
/// The audit's null check (issue 12): two disjoint halves of the retrained pool, scored against each other as if one
/// were unlearned. Both halves are the same kind of model, so an honest scorer must find nothing: U-LiRA at chance and
/// F as high as the pool size allows. An audit that fails it cannot be trusted to find anything else, and says so first.
/// </summary>
/// <param name="ModelsPerHalf">Models in each half (⌊N/2⌋).</param>
/// <param name="ForgettingQuality">F of one half against the other, over forget images.</param>
/// <param name="Epsilon">Mean ε over forget images.</param>
/// <param name="ULira">Leave-one-out U-LiRA of one half against the other.</param>
/// <param name="Passed">Null when the check could not run (fewer than 3 models a half).</param>
/// <param name="Verdict">The outcome in words.</param>
public sealed record NullCheck(int ModelsPerHalf, BootstrapInterval? ForgettingQuality, BootstrapInterval? Epsilon, AttackMetrics? ULira,
    bool? Passed, string Verdict)
{
    /// <summary>Largest distance from 0.5 of U-LiRA's AUC and balanced accuracy that still counts as chance.</summary>
    public const double ChanceTolerance = 0.1;

    /// <summary>
    /// The smallest F that counts as "looks unlearned" for two halves of one pool. Below 1 because the challenge's ε
    /// takes the best of thousands of threshold rules, which with few models finds chance separations: at 8 models a
    /// side, a rule wrong on 1 model of one side and 4 of the other already certifies ε = ln 4 ≈ 1.4 (¼ point).
    /// </summary>
    public const double MinimumForgettingQuality = 0.3;

    /// <summary>Runs the check on the forget set's φ of the retrained models.</summary>
    internal static NullCheck Of(IReadOnlyList<AuditModel> retrained, PhiColumns forget)
    {
        var half = retrained.Count / 2;
        if (half < 3)
            return new NullCheck(half, null, null, null, null,
                $"not run: {retrained.Count} retrained models give halves of {half}; U-LiRA needs at least 3 a side (N ≥ 6)");
        var first = forget.Matrix(retrained.Take(half).ToArray());
        var second = forget.Matrix(retrained.Skip(half).Take(half).ToArray());
        return Judge(half, first, second);
    }

    /// <summary>Scores two pools of φ (models × examples, same shape) that should be indistinguishable.</summary>
    public static NullCheck Judge(int half, double[,] first, double[,] second)
    {
        try
        {
            var epsilon = ChallengeEpsilon.PerExample(first, second);
            var points = epsilon.Select(e => Audit.ForgettingQuality.Points(e, half)).ToArray();
            var f = BootstrapInterval.OfMean(points);
            var ulira = Audit.ULira.Attack(first, second).Pooled;
            var chance = Math.Abs(ulira.Auc - 0.5) <= ChanceTolerance && Math.Abs(ulira.BalancedAccuracy - 0.5) <= ChanceTolerance;
            var passed = chance && f.Value >= MinimumForgettingQuality;
            var verdict = passed
                ? $"passed: two halves of {half} retrained models look alike (F {f.Value:F3} ≥ {MinimumForgettingQuality}, U-LiRA AUC {ulira.Auc:F3} within 0.5 ± {ChanceTolerance})"
                : $"FAILED: two halves of {half} retrained models are told apart (F {f.Value:F3}, U-LiRA AUC {ulira.Auc:F3}, balanced accuracy {ulira.BalancedAccuracy:F3}); the scores below are not trustworthy";
            return new NullCheck(half, f, BootstrapInterval.OfMean(epsilon), ulira, passed, verdict);
        }
        catch (ArgumentException e)
        {
            return new NullCheck(half, null, null, null, false, $"FAILED: the null check could not be scored ({e.Message})");
        }
    }
}
