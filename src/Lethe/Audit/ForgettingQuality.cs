namespace Lethe.Audit;

/// <summary>
/// The challenge's forgetting quality F (metric.py <c>compute_forget_score_from_confs</c>, commit ffae0ff): each
/// example earns points by its ε, 1 for ε ∈ [0, 0.5), halving with each further 0.5, up to ⌈ln(N − 1)⌉, beyond which
/// it earns nothing (N models cannot support a larger ε); F is the mean over examples, in [0, 1], 1 best.
/// </summary>
public static class ForgettingQuality
{
    /// <summary>
    /// The fewest models per pool at which an audit reports ε and F, per image, per person and overall: with fewer,
    /// they are missing with <see cref="Unresolved"/>'s reason. It is the audit's own threshold for its null check
    /// (<see cref="NullCheck"/>: two halves of at least <see cref="ULira.MinimumModels"/>), the measured chance level F
    /// is read against, and chance explains why nothing below it should be printed. Where two pools of n models cannot
    /// be told apart, the C(2n, n) orders of their φ on an example are equally likely, and in 2n of them one pool's φ
    /// are contiguous, so a threshold or a window of ε's rules separates the pools and ε is 50, "told apart every time":
    /// <see cref="ChanceCapShare"/> = 2n / C(2n, n) of such examples, 30% at n = 3, 11% at 4, 4.0% at 5, 1.3% at 6,
    /// 0.4% at 7 (a simulation of 2000 examples agrees). Below 6, a method as good as retraining leaves one example in 25 or more at the cap by chance,
    /// and with the audit preset's 8 forget people some person reads as exposed in 28% of such audits at 5 (10% at 6).
    /// </summary>
    public const int MinimumModels = 6;

    /// <summary>
    /// The share of examples on which two pools of <paramref name="models"/> models that cannot be told apart reach
    /// ε = 50 by chance: 2n / C(2n, n), the orders of their φ in which one pool's φ are contiguous (φ spread well beyond
    /// the 0.01 grid of thresholds, so that only the order matters).
    /// </summary>
    public static double ChanceCapShare(int models)
    {
        var orders = Enumerable.Range(1, models).Aggregate(1.0, (c, i) => c * (models + i) / i); // C(2n, n)
        return 2.0 * models / orders;
    }

    /// <summary>Why ε and F are not reported for an audit of <paramref name="models"/> models per pool, or null when they are.</summary>
    public static string? Unresolved(int models) =>
        models < MinimumModels ? $"F and ε need at least {MinimumModels} models a side; this audit has {models}" : null;

    /// <summary>Each bucket of ε is half a unit wide.</summary>
    public const double BucketWidth = 0.5;

    /// <summary>⌈ln(N − 1)⌉, where the last bucket ends (0 for N = 2: no example can earn a point).</summary>
    public static double MaxEpsilon(int modelCount) => Math.Ceiling(Math.Log(modelCount - 1));

    /// <summary>The points one example earns with this ε when each side has <paramref name="modelCount"/> models.</summary>
    /// <exception cref="ArgumentException">N &lt; 2, or ε not a number.</exception>
    public static double Points(double epsilon, int modelCount)
    {
        if (modelCount < 2) throw new ArgumentException($"F needs at least 2 models a side, got {modelCount}.", nameof(modelCount));
        if (double.IsNaN(epsilon)) throw new ArgumentException("ε is not a number.", nameof(epsilon));
        // The official loop: buckets [s, s + 0.5) for s = 0, 0.5, … while s + 0.5 ≤ max, worth 1, 1/2, 1/4, ….
        var max = MaxEpsilon(modelCount);
        var points = 1.0;
        for (var start = 0.0; start + BucketWidth <= max; start += BucketWidth, points /= 2)
            if (epsilon < start + BucketWidth) return points;
        return 0;
    }

    /// <summary>F: the mean of the points over examples.</summary>
    /// <param name="epsilons">ε of each example (at least one).</param>
    /// <param name="modelCount">N, models on each side.</param>
    /// <exception cref="ArgumentException">No example, N &lt; 2, or an ε that is not a number.</exception>
    public static double FromEpsilons(IReadOnlyList<double> epsilons, int modelCount)
    {
        if (epsilons.Count == 0) throw new ArgumentException("F needs at least one example.", nameof(epsilons));
        var sum = 0.0;
        foreach (var epsilon in epsilons) sum += Points(epsilon, modelCount);
        return sum / epsilons.Count;
    }
}
