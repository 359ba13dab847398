namespace Lethe.Audit;

/// <summary>
/// metric.py's double-threshold family: predict the narrow side for left ≤ φ ≤ right. With w the narrow side's range,
/// the right edges are ⌈100·(b − a)⌉ points from a = (its min + w) − 2 to b = its max + 2 (400 or 401), and each right
/// edge r has 400 left edges from r − w − 2 to r − w + 2 (<c>numpy.linspace</c>, in double, in that order of operations).
/// </summary>
internal static class WindowRules
{
    private const int LeftEdges = 400;

    /// <summary>Adds every rule's error counts to <paramref name="pairs"/>; returns the number of right edges.</summary>
    public static int AddTo(ErrorPairs pairs, SortedSample narrow, SortedSample wide)
    {
        var width = narrow.Range;
        var slack = ChallengeEpsilon.WindowSlack;
        var first = narrow.Min + width - slack;
        var last = narrow.Max + slack;
        var rightCount = (int)Math.Ceiling((last - first) * ChallengeEpsilon.ThresholdsPerUnit);

        var rights = new double[rightCount];
        Linspace.NumPy(first, last, rights);
        Span<double> lefts = stackalloc double[LeftEdges];
        Span<int> narrowBelow = stackalloc int[LeftEdges];
        Span<int> wideBelow = stackalloc int[LeftEdges];
        foreach (var right in rights)
        {
            Linspace.NumPy(right - width - slack, right - width + slack, lefts);
            narrow.CountBelowEach(lefts, narrowBelow);
            wide.CountBelowEach(lefts, wideBelow);
            var narrowAtMost = narrow.CountAtMost(right);
            var wideAtMost = wide.CountAtMost(right);
            for (var j = 0; j < LeftEdges; j++)
            {
                // A window whose left edge passes its right edge holds nothing.
                var narrowInside = Math.Max(0, narrowAtMost - narrowBelow[j]);
                var wideInside = Math.Max(0, wideAtMost - wideBelow[j]);
                pairs.Add(narrow.Count - narrowInside, wideInside);
            }
        }
        return rightCount;
    }
}
