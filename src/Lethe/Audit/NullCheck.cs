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
    /// <summary>
    /// The one-sided level of the U-LiRA part of the check: the halves are told apart when their AUC is above 0.5 and
    /// at most this share of the other ways to split the same models into two halves give an AUC as high (a permutation
    /// test, which needs no assumption about how φ varies across models and examples, only that retrained models are
    /// exchangeable).
    /// </summary>
    public const double ULiraLevel = 0.05;

    /// <summary>Splits drawn when there are more ways to halve the pool than <see cref="AllSplitsUpTo"/>.</summary>
    public const int SampledSplits = 999;

    /// <summary>Pools with at most this many ways to choose the first half are tested on every split.</summary>
    public const int AllSplitsUpTo = 2000;

    /// <summary>The permutation p-value of U-LiRA's AUC (see <see cref="SplitPValue"/>); null when the check did not run.</summary>
    public double? ULiraSplitP { get; init; }

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
    /// <param name="n">The audit's N: below <see cref="Audit.ForgettingQuality.MinimumModels"/> F is missing with that reason.</param>
    public IReadOnlyDictionary<string, AuditValue> Chance(int n) => AuditMetricRegistry.Rows.ToDictionary(r => r.Key, r => r.Key switch
    {
        ForgettingQualityMetric.F => ChanceFull is { } f ? AuditValue.Of(f)
            : AuditValue.None(Audit.ForgettingQuality.Unresolved(n) ?? "the null check did not run"),
        ULiraMetric.Auc or ULiraMetric.BalancedAccuracy => AuditValue.Of(0.5),
        _ => AuditValue.None("not simulated"),
    });

    /// <summary>Runs the check on the retrained models' φ. With halves smaller than U-LiRA's minimum the check does not
    /// run, and the null row carries the scores its halves support (KLoM, the single-model scores), so that every other
    /// row's KLoM can still be read against it (<see cref="KlomSaturation"/>).</summary>
    internal static NullCheck Of(IReadOnlyList<AuditModel> retrained, PhiColumns forget, PhiColumns retain, PhiColumns unseen)
    {
        var half = retrained.Count / 2;
        var (first, second) = (retrained.Take(half).ToArray(), retrained.Skip(half).Take(half).ToArray());
        var halves = AuditComparison.Of(first, second, retrained, forget, retain, unseen, retrained.Count)
            with { Retrained = retrained.Select(m => m.Result.Evaluation).ToArray() };
        if (half < Audit.ULira.MinimumModels)
        {
            var why = $"{retrained.Count} retrained models give halves of {half}; U-LiRA needs at least {Audit.ULira.MinimumModels} a side "
                + $"(N ≥ {2 * Audit.ULira.MinimumModels})";
            return new NullCheck(half, null, null, AuditMetricRegistry.MeasureAll(halves), null, why);
        }
        return Judge(halves, retrained.Count, new PhiPair(forget.Matrix(first), forget.Matrix(second)));
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
        return Judge(AuditComparison.Of(first, second, names, names, auditModels: n), n, new PhiPair(first, second));
    }

    /// <summary>Scores two halves of the retrained pool that should be indistinguishable.</summary>
    /// <param name="halves">One half as the "unlearned" pool against the other.</param>
    /// <param name="n">The audit's N, for <see cref="ChanceFull"/>.</param>
    /// <param name="forget">Both halves' φ on forget, for U-LiRA's permutation test over the other ways to halve the pool.</param>
    public static NullCheck Judge(AuditComparison halves, int n, PhiPair forget)
    {
        var half = halves.Models;
        var (chanceHalf, chanceFull) = (ChanceForgettingQuality(half), ChanceForgettingQuality(n));
        var scores = AuditMetricRegistry.MeasureAll(halves);
        if (halves.Unscored is { } unscored)
            return new NullCheck(half, chanceHalf, chanceFull, scores, false, $"FAILED: the null check could not be scored ({unscored})");
        // A missing value is NaN here, which fails every comparison below, so the check fails rather than passes.
        double Of(string key) => scores.Get(key).Value ?? double.NaN;
        var (f, auc, balanced) = (Of(ForgettingQualityMetric.F), Of(ULiraMetric.Auc), Of(ULiraMetric.BalancedAccuracy));
        var p = SplitPValue(forget.Unlearned, forget.Retrained, auc);
        var atChance = !ULiraTellsApart(auc, p);
        var powerless = SmallestSplitP(half) > ULiraLevel
            ? $"; with {half} models a side no split's share can reach {ULiraLevel}, so U-LiRA cannot fail this check and only F can"
            : "";
        var passed = atChance && f >= chanceHalf - ForgettingQualitySlack;
        var numbers = $"F {f:F3} where two exchangeable pools of {half} reach {chanceHalf:F3}; U-LiRA AUC {auc:F3} " +
            $"(as high on a share {p:F3} of the ways to halve the pool), balanced accuracy {balanced:F3}{powerless}";
        var verdict = passed
            ? $"passed: two halves of {half} retrained models look alike ({numbers}). With {n} models a side the best F to expect is {chanceFull:F3}, not 1"
            : $"FAILED: two halves of {half} retrained models are told apart ({numbers}); the scores below are not trustworthy";
        return new NullCheck(half, chanceHalf, chanceFull, scores, passed, verdict) { ULiraSplitP = p };
    }

    /// <summary>
    /// The share of the ways to split the 2·half models into two halves (the actual split among them) whose U-LiRA AUC
    /// is at least <paramref name="observed"/> (the swapped split among them, which gives the same AUC): every split when there are at most <see cref="AllSplitsUpTo"/>, else
    /// <see cref="SampledSplits"/> drawn with a fixed seed plus the actual one. Under exchangeability the actual split is
    /// one draw from these, so the share is a valid one-sided p-value; at 3 models a side it cannot go below 2/20.
    /// </summary>
    public static double SplitPValue(double[,] first, double[,] second, double observed)
    {
        var (half, examples) = (first.GetLength(0), first.GetLength(1));
        var all = new double[2 * half][];
        for (var m = 0; m < half; m++) (all[m], all[half + m]) = (PhiMatrix.Row(first, m), PhiMatrix.Row(second, m));
        var splits = Combinations(2 * half, half) <= AllSplitsUpTo
            ? EverySplit(2 * half, half).ToList()
            : SampledSplit(2 * half, half).Prepend(Enumerable.Range(0, half).ToArray()).ToList();
        var asHigh = splits.Count(chosen =>
        {
            var rest = Enumerable.Range(0, 2 * half).Except(chosen).ToArray();
            return Audit.ULira.Attack(PhiMatrix.Of(chosen.Select(i => all[i]), examples), PhiMatrix.Of(rest.Select(i => all[i]), examples)).Pooled.Auc >= observed - 1e-12; // the swap gives the same AUC up to rounding
        });
        return (double)asHigh / splits.Count;
    }

    /// <summary>U-LiRA tells the halves apart: an AUC above 0.5 that at most <see cref="ULiraLevel"/> of the splits reach.
    /// An AUC below 0.5 never does: it says the models look more like the other half than their own, which is no
    /// evidence that the halves differ.</summary>
    public static bool ULiraTellsApart(double auc, double splitP) => auc > 0.5 && splitP <= ULiraLevel;

    /// <summary>The smallest <see cref="SplitPValue"/> a pool of 2·<paramref name="half"/> can give. U-LiRA scores each model
    /// against its own half, so swapping the halves gives the same AUC: the actual split always ties with its swap.</summary>
    public static double SmallestSplitP(int half) =>
        Combinations(2 * half, half) <= AllSplitsUpTo ? 2 / Combinations(2 * half, half) : 1.0 / (SampledSplits + 1);

    private static double Combinations(int n, int k) =>
        Enumerable.Range(1, k).Aggregate(1.0, (c, i) => c * (n - k + i) / i);

    /// <summary>Every k-subset of 0..n−1, in lexicographic order (the first is the actual split).</summary>
    private static IEnumerable<int[]> EverySplit(int n, int k)
    {
        var chosen = Enumerable.Range(0, k).ToArray();
        while (true)
        {
            yield return (int[])chosen.Clone();
            var i = k - 1;
            while (i >= 0 && chosen[i] == n - k + i) i--;
            if (i < 0) yield break;
            chosen[i]++;
            for (var j = i + 1; j < k; j++) chosen[j] = chosen[j - 1] + 1;
        }
    }

    private static IEnumerable<int[]> SampledSplit(int n, int k)
    {
        var random = new Random(4321);
        for (var s = 0; s < SampledSplits; s++)
            yield return Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(k).Order().ToArray();
    }
}
