namespace Lethe.Audit;

/// <summary>
/// NumPy's default percentile (<c>numpy.percentile</c>, method "linear", NumPy 1.24): the value at index p/100·(n − 1) of
/// the sorted values, interpolated linearly between the two order statistics around it. EasyDUB summarises KLoM with
/// its 95th percentile this way.
/// </summary>
public static class Percentile
{
    /// <summary>The <paramref name="percent"/>-th percentile of the values (they need not be sorted).</summary>
    /// <exception cref="ArgumentException">No values, a value that is not a number, or a percent outside [0, 100].</exception>
    public static double Linear(IReadOnlyList<double> values, double percent)
    {
        if (!(percent is >= 0 and <= 100))
            throw new ArgumentException($"A percentile is in [0, 100], got {percent}.", nameof(percent));
        if (values.Count == 0) throw new ArgumentException("A percentile needs at least one value.", nameof(values));
        if (values.Any(double.IsNaN)) throw new ArgumentException("A value is not a number.", nameof(values));
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return OfSorted(sorted, percent / 100);
    }

    /// <summary>The quantile q ∈ [0, 1] of values already sorted ascending.</summary>
    internal static double OfSorted(IReadOnlyList<double> sorted, double q)
    {
        var index = (sorted.Count - 1) * q;
        if (index >= sorted.Count - 1) return sorted[^1];
        var below = (int)Math.Floor(index);
        var t = index - below;
        var (a, b) = (sorted[below], sorted[below + 1]);
        // NumPy's _lerp works from the nearer end, so that t = 1 gives b exactly.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
    }
}
