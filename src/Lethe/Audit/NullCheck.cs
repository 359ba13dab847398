using Lethe.Audit.Metrics;

namespace Lethe.Audit;

/// <summary>
/// The audit's null check (issue 12): two disjoint halves of the retrained pool, scored against each other as if one
/// were unlearned, on every registered score (<see cref="AuditMetricRegistry"/>), so each method's score is read
/// against its own chance level. Both halves are the same kind of model, so an honest scorer must find nothing: U-LiRA at chance, and
/// F at the level two exchangeable pools of that size reach. That level is well below 1 with few models, because ε
/// takes the best of thousands of threshold rules and so finds chance separations (8 models a side: F ≈ 0.2), so the
/// check compares F with <see cref="ChanceForgettingQuality"/> of the same pool size rather than with 1. An audit that
/// fails it cannot be trusted to find anything else, and says so first.
/// </summary>
/// <param name="ModelsPerHalf">Models in each half (⌊N/2⌋).</param>
/// <param name="ChanceHalf">F of two exchangeable pools of <paramref name="ModelsPerHalf"/> models (simulated): what
/// the halves' F should reach.</param>
/// <param name="ChanceFull">F of two exchangeable pools of N models (simulated): the best F a method can expect at
/// this N, against which the methods' F are read.</param>
/// <param name="Scores">Every registered score of one half against the other, by key. The single-model scores summarise
/// all N Retrained models (a Retrained model is its own reference, so the final score's accuracy ratios are 1).</param>
/// <param name="Passed">Null when the check could not run (fewer than 3 models a half).</param>
/// <param name="Verdict">The outcome in words.</param>
public sealed record NullCheck(int ModelsPerHalf, double? ChanceHalf, double? ChanceFull,
    IReadOnlyDictionary<string, AuditValue> Scores, bool? Passed, string Verdict)
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

    /// <summary>
    /// The scores two exchangeable pools of N reach where they are known without simulating every score: F
    /// (<see cref="ChanceFull"/>, simulated), and U-LiRA's AUC and balanced accuracy, 0.5 by symmetry.
    /// </summary>
    public IReadOnlyDictionary<string, AuditValue> Chance() => AuditMetricRegistry.Rows.ToDictionary(r => r.Key, r => r.Key switch
    {
        ForgettingQualityMetric.F => ChanceFull is { } f ? AuditValue.Of(f) : AuditValue.None("the null check did not run"),
        ULiraMetric.Auc or ULiraMetric.BalancedAccuracy => AuditValue.Of(0.5),
        _ => AuditValue.None("not simulated"),
    });

    /// <summary>Runs the check on the retrained models' φ.</summary>
    internal static NullCheck Of(IReadOnlyList<AuditModel> retrained, PhiColumns forget, PhiColumns retain, PhiColumns unseen)
    {
        var half = retrained.Count / 2;
        var all = retrained.Select(m => m.Result.Evaluation).ToArray();
        if (half < 3)
        {
            var why = $"not run: {retrained.Count} retrained models give halves of {half}; U-LiRA needs at least 3 a side (N ≥ 6)";
            return new NullCheck(half, null, null, AuditMetricRegistry.MeasureAll(AuditComparison.Unscorable(half, why, all, all)), null, why);
        }
        var halves = AuditComparison.Of(retrained.Take(half).ToArray(), retrained.Skip(half).Take(half).ToArray(), retrained, forget, retain, unseen);
        return Judge(halves with { Retrained = all }, retrained.Count);
    }

    /// <summary>Scores two pools of forget φ (models × examples, same shape) that should be indistinguishable; each
    /// example counts as its own identity, and the scores that need more than φ of forget are missing.</summary>
    /// <param name="half">Models in each pool.</param>
    /// <param name="first">φ of one pool.</param>
    /// <param name="second">φ of the other.</param>
    /// <param name="n">The audit's N, for <see cref="ChanceFull"/>.</param>
    public static NullCheck Judge(int half, double[,] first, double[,] second, int n)
    {
        var names = Enumerable.Range(0, first.GetLength(1)).Select(e => $"example {e}").ToArray();
        return Judge(AuditComparison.Of(first, second, names, names), n);
    }

    /// <summary>Scores two halves of the retrained pool that should be indistinguishable.</summary>
    /// <param name="halves">One half as the "unlearned" pool against the other.</param>
    /// <param name="n">The audit's N, for <see cref="ChanceFull"/>.</param>
    public static NullCheck Judge(AuditComparison halves, int n)
    {
        var half = halves.Models;
        var (chanceHalf, chanceFull) = (ChanceForgettingQuality(half), ChanceForgettingQuality(n));
        var scores = AuditMetricRegistry.MeasureAll(halves);
        if (halves.Unscored is { } unscored)
            return new NullCheck(half, chanceHalf, chanceFull, scores, false, $"FAILED: the null check could not be scored ({unscored})");
        // A missing value is NaN here, which fails every comparison below, so the check fails rather than passes.
        double Of(string key) => scores.Get(key).Value ?? double.NaN;
        var (f, auc, balanced) = (Of(ForgettingQualityMetric.F), Of(ULiraMetric.Auc), Of(ULiraMetric.BalancedAccuracy));
        var atChance = Math.Abs(auc - 0.5) <= ChanceTolerance && Math.Abs(balanced - 0.5) <= ChanceTolerance;
        var passed = atChance && f >= chanceHalf - ForgettingQualitySlack;
        var numbers = $"F {f:F3} where two exchangeable pools of {half} reach {chanceHalf:F3}; U-LiRA AUC {auc:F3}, balanced accuracy {balanced:F3}";
        var verdict = passed
            ? $"passed: two halves of {half} retrained models look alike ({numbers}). With {n} models a side the best F to expect is {chanceFull:F3}, not 1"
            : $"FAILED: two halves of {half} retrained models are told apart ({numbers}); the scores below are not trustworthy";
        return new NullCheck(half, chanceHalf, chanceFull, scores, passed, verdict);
    }
}
