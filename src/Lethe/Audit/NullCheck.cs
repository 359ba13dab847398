namespace Lethe.Audit;

/// <summary>
/// The audit's null check (issue 12): two disjoint halves of the retrained pool, scored against each other as if one
/// were unlearned. Both halves are the same kind of model, so an honest scorer must find nothing: U-LiRA at chance, and
/// F at the level two exchangeable pools of that size reach. That level is well below 1 with few models, because ε
/// takes the best of thousands of threshold rules and so finds chance separations (8 models a side: F ≈ 0.2), so the
/// check compares F with <see cref="ChanceForgettingQuality"/> of the same pool size rather than with 1. An audit that
/// fails it cannot be trusted to find anything else, and says so first.
/// </summary>
/// <param name="ModelsPerHalf">Models in each half (⌊N/2⌋).</param>
/// <param name="ForgettingQuality">F of one half against the other, over forget images.</param>
/// <param name="ChanceHalf">F of two exchangeable pools of <paramref name="ModelsPerHalf"/> models (simulated): what
/// <paramref name="ForgettingQuality"/> should reach.</param>
/// <param name="ChanceFull">F of two exchangeable pools of N models (simulated): the best F a method can expect at
/// this N, against which the methods' F are read.</param>
/// <param name="Epsilon">Mean ε over forget images.</param>
/// <param name="ULira">Leave-one-out U-LiRA of one half against the other.</param>
/// <param name="Passed">Null when the check could not run (fewer than 3 models a half).</param>
/// <param name="Verdict">The outcome in words.</param>
public sealed record NullCheck(int ModelsPerHalf, BootstrapInterval? ForgettingQuality, double? ChanceHalf, double? ChanceFull,
    BootstrapInterval? Epsilon, AttackMetrics? ULira, bool? Passed, string Verdict)
{
    /// <summary>Largest distance from 0.5 of U-LiRA's AUC and balanced accuracy that still counts as chance.</summary>
    public const double ChanceTolerance = 0.1;

    /// <summary>
    /// How far below <see cref="ChanceHalf"/> the halves' F may fall and still pass: F over a few dozen images of
    /// models that share data and recipe spreads by about this much from one draw of models to the next.
    /// </summary>
    public const double ForgettingQualitySlack = 0.15;

    /// <summary>Examples simulated for <see cref="ChanceForgettingQuality"/>.</summary>
    public const int ChanceExamples = 300;

    /// <summary>
    /// F of two pools of <paramref name="models"/> models each that cannot be told apart: φ drawn independently from one
    /// normal distribution per example (fixed seed). ε depends on φ only through the models' order and the 0.01 grid of
    /// thresholds, so any spread well above 0.01 gives the same value.
    /// </summary>
    public static double ChanceForgettingQuality(int models)
    {
        var random = new Random(1234 + models);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var (first, second) = (new double[models, ChanceExamples], new double[models, ChanceExamples]);
        for (var m = 0; m < models; m++)
            for (var e = 0; e < ChanceExamples; e++)
                (first[m, e], second[m, e]) = (5 * Normal(), 5 * Normal());
        return Audit.ForgettingQuality.FromEpsilons(ChallengeEpsilon.PerExample(first, second), models);
    }

    /// <summary>Runs the check on the forget set's φ of the retrained models.</summary>
    internal static NullCheck Of(IReadOnlyList<AuditModel> retrained, PhiColumns forget)
    {
        var half = retrained.Count / 2;
        if (half < 3)
            return new NullCheck(half, null, null, null, null, null, null,
                $"not run: {retrained.Count} retrained models give halves of {half}; U-LiRA needs at least 3 a side (N ≥ 6)");
        var first = forget.Matrix(retrained.Take(half).ToArray());
        var second = forget.Matrix(retrained.Skip(half).Take(half).ToArray());
        return Judge(half, first, second, retrained.Count);
    }

    /// <summary>Scores two pools of φ (models × examples, same shape) that should be indistinguishable.</summary>
    /// <param name="half">Models in each pool.</param>
    /// <param name="first">φ of one pool.</param>
    /// <param name="second">φ of the other.</param>
    /// <param name="n">The audit's N, for <see cref="ChanceFull"/>.</param>
    public static NullCheck Judge(int half, double[,] first, double[,] second, int n)
    {
        var (chanceHalf, chanceFull) = (ChanceForgettingQuality(half), ChanceForgettingQuality(n));
        try
        {
            var epsilon = ChallengeEpsilon.PerExample(first, second);
            var f = BootstrapInterval.OfMean(epsilon.Select(e => Audit.ForgettingQuality.Points(e, half)).ToArray());
            var ulira = Audit.ULira.Attack(first, second).Pooled;
            var atChance = Math.Abs(ulira.Auc - 0.5) <= ChanceTolerance && Math.Abs(ulira.BalancedAccuracy - 0.5) <= ChanceTolerance;
            var passed = atChance && f.Value >= chanceHalf - ForgettingQualitySlack;
            var numbers = $"F {f.Value:F3} where two exchangeable pools of {half} reach {chanceHalf:F3}; U-LiRA AUC {ulira.Auc:F3}, balanced accuracy {ulira.BalancedAccuracy:F3}";
            var verdict = passed
                ? $"passed: two halves of {half} retrained models look alike ({numbers}). With {n} models a side the best F to expect is {chanceFull:F3}, not 1"
                : $"FAILED: two halves of {half} retrained models are told apart ({numbers}); the scores below are not trustworthy";
            return new NullCheck(half, f, chanceHalf, chanceFull, BootstrapInterval.OfMean(epsilon), ulira, passed, verdict);
        }
        catch (ArgumentException e)
        {
            return new NullCheck(half, null, chanceHalf, chanceFull, null, null, false, $"FAILED: the null check could not be scored ({e.Message})");
        }
    }
}
