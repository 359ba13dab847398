namespace Lethe.Audit;

/// <summary>
/// One example's φ over a pool of models, sorted, so that the count of models on either side of a threshold is a
/// binary search rather than a pass over the pool (the ε scorer asks that about 160,000 times per example).
/// </summary>
internal sealed class SortedSample
{
    private readonly double[] _values;

    public SortedSample(IEnumerable<double> values)
    {
        _values = values.ToArray();
        Array.Sort(_values);
    }

    public int Count => _values.Length;

    public double Min => _values[0];

    public double Max => _values[^1];

    /// <summary>max − min, the "range" the ε scorer compares.</summary>
    public double Range => Max - Min;

    /// <summary>NumPy's median: the middle value, or the mean of the two middle values for an even count.</summary>
    public double Median => _values.Length % 2 == 1
        ? _values[_values.Length / 2]
        : (_values[_values.Length / 2 - 1] + _values[_values.Length / 2]) / 2;

    /// <summary>How many values are &lt; x.</summary>
    public int CountBelow(double x)
    {
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid] < x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>How many values are ≤ x.</summary>
    public int CountAtMost(double x)
    {
        int lo = 0, hi = _values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid] <= x) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// <see cref="CountBelow"/> of each threshold, by a walk that moves from one threshold's position to the next:
    /// linear for ascending thresholds (the ε grids), and still right for any order.
    /// </summary>
    public void CountBelowEach(ReadOnlySpan<double> thresholds, Span<int> counts)
    {
        var position = thresholds.Length == 0 ? 0 : CountBelow(thresholds[0]);
        for (var i = 0; i < thresholds.Length; i++)
        {
            var t = thresholds[i];
            while (position > 0 && _values[position - 1] >= t) position--;
            while (position < _values.Length && _values[position] < t) position++;
            counts[i] = position;
        }
    }
}
