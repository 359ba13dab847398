namespace Lethe.Audit;

/// <summary>
/// The ROC curve of an attack score: predict "positive" for score ≥ t, for every t at which the prediction changes,
/// from (FPR, TPR) = (0, 0) to (1, 1). Tied scores move together, so a tie is never split in the attacker's favour.
/// </summary>
internal sealed class RocCurve
{
    private RocCurve(IReadOnlyList<(double Fpr, double Tpr)> points) => Points = points;

    /// <summary>The curve's corners, FPR and TPR both non-decreasing.</summary>
    public IReadOnlyList<(double Fpr, double Tpr)> Points { get; }

    public static RocCurve Of(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var scored = positives.Select(s => (Score: s, Positive: true))
            .Concat(negatives.Select(s => (Score: s, Positive: false)))
            .OrderByDescending(p => p.Score)
            .ToArray();
        var points = new List<(double, double)> { (0, 0) };
        int truePositives = 0, falsePositives = 0;
        for (var i = 0; i < scored.Length; i++)
        {
            if (scored[i].Positive) truePositives++; else falsePositives++;
            var lastOfTie = i == scored.Length - 1 || scored[i + 1].Score != scored[i].Score;
            if (lastOfTie) points.Add(((double)falsePositives / negatives.Count, (double)truePositives / positives.Count));
        }
        return new RocCurve(points);
    }

    /// <summary>The area under the curve by trapezoids: the probability that a positive outscores a negative, ties
    /// counting one half (the Mann–Whitney statistic).</summary>
    public double Area()
    {
        var area = 0.0;
        for (var i = 1; i < Points.Count; i++)
            area += (Points[i].Fpr - Points[i - 1].Fpr) * (Points[i].Tpr + Points[i - 1].Tpr) / 2;
        return area;
    }

    /// <summary>The largest TPR of a threshold whose FPR is at most <paramref name="fpr"/>, with no interpolation.</summary>
    public double TprAtFpr(double fpr) => Points.Where(p => p.Fpr <= fpr).Max(p => p.Tpr);

    /// <summary>The best (TPR + 1 − FPR)/2 over the thresholds.</summary>
    public double BestBalancedAccuracy() => Points.Max(p => (p.Tpr + 1 - p.Fpr) / 2);
}
