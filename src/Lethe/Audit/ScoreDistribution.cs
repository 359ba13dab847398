namespace Lethe.Audit;

/// <summary>
/// A score across examples or identities, kept whole rather than averaged: how many people are still exposed, and how
/// badly, is the question an erasure audit answers, and a mean hides the few who are.
/// </summary>
public sealed class ScoreDistribution
{
    /// <summary>The quantiles a report shows by default: min, quartiles, 90%, 95%, 99%, max.</summary>
    public static IReadOnlyList<double> StandardQuantiles { get; } = [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

    private ScoreDistribution(IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        Names = names;
        Values = values;
    }

    /// <summary>The names (image or identity) in the order of <see cref="Values"/>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The values, ascending (ties in ordinal order of name).</summary>
    public IReadOnlyList<double> Values { get; }

    public int Count => Values.Count;

    public double Mean => Values.Average();

    /// <summary>Builds the distribution of <paramref name="values"/>, each belonging to the name at the same index.</summary>
    /// <exception cref="ArgumentException">No value, counts that differ, or a value that is not a number.</exception>
    public static ScoreDistribution Of(IReadOnlyList<double> values, IReadOnlyList<string> names)
    {
        if (values.Count == 0) throw new ArgumentException("A distribution needs at least one value.", nameof(values));
        if (values.Count != names.Count)
            throw new ArgumentException($"{values.Count} values for {names.Count} names.", nameof(names));
        if (values.Any(double.IsNaN)) throw new ArgumentException("A value is not a number.", nameof(values));
        var order = Enumerable.Range(0, values.Count)
            .OrderBy(i => values[i]).ThenBy(i => names[i], StringComparer.Ordinal).ToArray();
        return new ScoreDistribution(order.Select(i => names[i]).ToArray(), order.Select(i => values[i]).ToArray());
    }

    /// <summary>The quantile q ∈ [0, 1], interpolated as NumPy's default does.</summary>
    /// <exception cref="ArgumentException">q outside [0, 1].</exception>
    public double Quantile(double q) => q is >= 0 and <= 1
        ? Percentile.OfSorted(Values, q)
        : throw new ArgumentException($"A quantile is in [0, 1], got {q}.", nameof(q));

    /// <summary>How many values are strictly above the threshold (e.g. identities with ε &gt; 1).</summary>
    public int CountAbove(double threshold) => Values.Count(v => v > threshold);

    /// <summary>The <paramref name="count"/> highest values with their names, highest first: the most exposed.</summary>
    public IReadOnlyList<(string Name, double Value)> Highest(int count) =>
        Enumerable.Range(0, Math.Min(count, Values.Count)).Select(k => (Names[^(k + 1)], Values[^(k + 1)])).ToArray();
}
