namespace Lethe.Evaluation;

/// <summary>
/// The ROC curve of a score that separates two classes, with scikit-learn's conventions: a higher score means "more
/// likely positive", and a threshold t predicts positive for score ≥ t. The curve has one corner per distinct score
/// (tied scores move together, so a tie is never split in the attacker's favour) plus (FPR, TPR) = (0, 0) for t = +∞.
/// One class serves both attacks: the single-model population attack (score = −loss, positive = member, through
/// <see cref="Auc"/> and <see cref="TruePositiveRateAt"/>) and the audit's many-model U-LiRA (positives and negatives
/// given apart, through <see cref="Of"/>).
/// </summary>
public sealed class RocCurve
{
    private RocCurve(IReadOnlyList<(double Fpr, double Tpr)> points, double area) => (Points, Area) = (points, area);

    /// <summary>The curve's corners from (0, 0) to (1, 1), FPR and TPR both non-decreasing; each rate is an integer count
    /// divided once by its class size, as scikit-learn forms them, so 1/100 compares equal to a budget of 0.01.</summary>
    public IReadOnlyList<(double Fpr, double Tpr)> Points { get; }

    /// <summary>
    /// The area under the curve: the chance that a random positive scores above a random negative, a tie counting one
    /// half (the Mann–Whitney U statistic over n₁·n₀, which equals the area by trapezoids). U is summed in half-integers,
    /// exact in a double below 2⁵² pairs, and divided once, so equal separations give bit-equal areas; scikit-learn's
    /// <c>roc_auc_score</c>, which sums trapezoids, agrees to about 1e-15. 0.5 = no separation, 1 = every positive above
    /// every negative, 0 = every positive below.
    /// </summary>
    public double Area { get; }

    /// <summary>The curve of <paramref name="positives"/>' and <paramref name="negatives"/>' scores. An infinite score is a
    /// score (it sorts first or last); NaN has no place on the curve.</summary>
    /// <exception cref="ArgumentException">A class is empty, or a score is NaN.</exception>
    public static RocCurve Of(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
            throw new ArgumentException($"A ROC curve needs both classes; got {positives.Count} positives, {negatives.Count} negatives.");
        if (positives.Concat(negatives).Any(double.IsNaN)) throw new ArgumentException("A ROC curve's score is not a number.");
        var scored = positives.Select(s => (Score: s, Positive: true))
            .Concat(negatives.Select(s => (Score: s, Positive: false)))
            .OrderByDescending(p => p.Score)
            .ToArray();
        var points = new List<(double, double)> { (0, 0) };
        int truePositives = 0, falsePositives = 0;
        double u = 0;
        for (var start = 0; start < scored.Length;)
        {
            var (groupPositives, groupNegatives) = (0, 0);
            var end = start;
            for (; end < scored.Length && scored[end].Score == scored[start].Score; end++)
                if (scored[end].Positive) groupPositives++; else groupNegatives++;
            // This group's positives beat every negative below it and tie with the group's own negatives.
            u += groupPositives * (double)(negatives.Count - falsePositives - groupNegatives) + groupPositives * (double)groupNegatives / 2;
            (truePositives, falsePositives) = (truePositives + groupPositives, falsePositives + groupNegatives);
            points.Add(((double)falsePositives / negatives.Count, (double)truePositives / positives.Count));
            start = end;
        }
        return new RocCurve(points, u / ((double)positives.Count * negatives.Count));
    }

    /// <summary>The curve of labelled rows: 1 = positive, 0 = negative (scikit-learn's <c>roc_curve(labels, scores)</c>).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a label is not 0/1, a score is not finite, or a class is missing.</exception>
    public static RocCurve OfLabelled(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        Validate(scores, labels);
        return Of(scores.Where((_, i) => labels[i] == 1).ToArray(), scores.Where((_, i) => labels[i] == 0).ToArray());
    }

    /// <summary>The area under the ROC curve of labelled rows (<see cref="Area"/>); equals scikit-learn's <c>roc_auc_score</c>.</summary>
    /// <param name="scores">One finite score per row.</param>
    /// <param name="labels">1 = positive, 0 = negative, row for row.</param>
    /// <exception cref="ArgumentException">As <see cref="OfLabelled"/>.</exception>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<int> labels) => OfLabelled(scores, labels).Area;

    /// <summary>The true-positive rate of labelled rows at a false-positive budget (<see cref="TprAtFpr"/>).</summary>
    /// <exception cref="ArgumentException">As <see cref="OfLabelled"/>, or a budget outside [0, 1].</exception>
    public static double TruePositiveRateAt(IReadOnlyList<double> scores, IReadOnlyList<int> labels, double maxFalsePositiveRate)
    {
        if (!(maxFalsePositiveRate >= 0 && maxFalsePositiveRate <= 1))
            throw new ArgumentException($"The false-positive budget must be in [0, 1], got {maxFalsePositiveRate}.", nameof(maxFalsePositiveRate));
        return OfLabelled(scores, labels).TprAtFpr(maxFalsePositiveRate);
    }

    /// <summary>
    /// The highest TPR over the curve's corners whose FPR ≤ <paramref name="maxFalsePositiveRate"/> (LiRA's low-FPR
    /// view). No interpolation between corners, so with fewer than 1/budget negatives it is the share of positives
    /// scored above every negative.
    /// </summary>
    public double TprAtFpr(double maxFalsePositiveRate) => Points.Where(p => p.Fpr <= maxFalsePositiveRate).Max(p => p.Tpr);

    /// <summary>The best (TPR + 1 − FPR)/2 over the corners: optimistic, as the threshold is chosen on the scores it is
    /// measured on.</summary>
    public double BestBalancedAccuracy() => Points.Max(p => (p.Tpr + 1 - p.Fpr) / 2);

    private static void Validate(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        if (scores.Count != labels.Count)
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels.", nameof(labels));
        var positives = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] is not (0 or 1))
                throw new ArgumentException($"Label of row {i} is {labels[i]}; expected 0 or 1.", nameof(labels));
            if (!double.IsFinite(scores[i]))
                throw new ArgumentException($"Score of row {i} is {scores[i]}; a ROC curve needs finite scores.", nameof(scores));
            positives += labels[i];
        }
        if (positives == 0 || positives == labels.Count)
            throw new ArgumentException($"A ROC curve needs both classes, but all {labels.Count} labels are the same.", nameof(labels));
    }
}
