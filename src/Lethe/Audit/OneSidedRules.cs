namespace Lethe.Audit;

/// <summary>
/// metric.py's single-threshold family: predict the positive side for φ ≥ t, with ⌈100·(max − min)⌉ thresholds from the
/// pooled minimum to the pooled maximum, both included (<c>torch.linspace</c>, in double).
/// </summary>
internal static class OneSidedRules
{
    /// <summary>Adds every rule's error counts to <paramref name="pairs"/>; returns the number of thresholds.</summary>
    public static int AddTo(ErrorPairs pairs, SortedSample positive, SortedSample negative)
    {
        var min = Math.Min(positive.Min, negative.Min);
        var max = Math.Max(positive.Max, negative.Max);
        var count = (int)Math.Ceiling((max - min) * ChallengeEpsilon.ThresholdsPerUnit);
        var thresholds = new double[count];
        Linspace.Torch(min, max, thresholds);

        var positiveBelow = new int[count];
        var negativeBelow = new int[count];
        positive.CountBelowEach(thresholds, positiveBelow);
        negative.CountBelowEach(thresholds, negativeBelow);
        // A positive model below t is a false negative; a negative model at or above t is a false positive.
        for (var k = 0; k < count; k++) pairs.Add(positiveBelow[k], negative.Count - negativeBelow[k]);
        return count;
    }
}
