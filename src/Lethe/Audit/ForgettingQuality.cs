namespace Lethe.Audit;

/// <summary>
/// The challenge's forgetting quality F (metric.py <c>compute_forget_score_from_confs</c>, commit ffae0ff): each
/// example earns points by its ε, 1 for ε ∈ [0, 0.5), halving with each further 0.5, up to ⌈ln(N − 1)⌉, beyond which
/// it earns nothing (N models cannot support a larger ε); F is the mean over examples, in [0, 1], 1 best.
/// </summary>
public static class ForgettingQuality
{
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
