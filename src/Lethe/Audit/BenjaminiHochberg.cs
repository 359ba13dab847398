namespace Lethe.Audit;

/// <summary>
/// Benjamini–Hochberg q-values: the smallest false discovery rate at which each hypothesis would be rejected by the
/// step-up procedure. With the p-values sorted, p₍₁₎ ≤ … ≤ p₍ₘ₎, q₍ᵢ₎ = min over j ≥ i of min(1, m·p₍ⱼ₎ / j); rejecting
/// every hypothesis with q ≤ α keeps the expected share of false rejections at or below α when the p-values are
/// independent or positively dependent (Benjamini and Yekutieli 2001), as people judged against one shared population are.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>The q-value of each p-value, in the order given.</summary>
    /// <exception cref="ArgumentException">A p-value outside [0, 1] or not a number.</exception>
    public static double[] QValues(IReadOnlyList<double> p)
    {
        for (var i = 0; i < p.Count; i++)
            if (!(p[i] is >= 0 and <= 1)) throw new ArgumentException($"p-value {i} is {p[i]}, not in [0, 1].", nameof(p));
        var order = Enumerable.Range(0, p.Count).OrderBy(i => p[i]).ToArray();
        var q = new double[p.Count];
        var running = 1.0;
        // From the largest p down, so each q is the minimum over the p-values ranked at or above it.
        for (var rank = p.Count; rank >= 1; rank--)
        {
            var i = order[rank - 1];
            running = Math.Min(running, p[i] * p.Count / rank);
            q[i] = running;
        }
        return q;
    }
}
