namespace Lethe.Evaluation;

/// <summary>
/// Threshold-free summaries of how well a score separates two classes, with scikit-learn's conventions: label 1 is the
/// positive class and a higher score means "more likely positive". The attack calls them with score = −loss and
/// label 1 = member (forget), since a model's members have lower loss.
/// </summary>
public static class RocCurve
{
    /// <summary>
    /// The area under the ROC curve, from ranks (the Mann–Whitney U statistic divided by n₁·n₀): the chance that a random
    /// positive scores above a random negative, a tie counting one half. Equals scikit-learn's <c>roc_auc_score</c>.
    /// 0.5 = no separation, 1 = every positive above every negative, 0 = every positive below.
    /// </summary>
    /// <param name="scores">One finite score per row.</param>
    /// <param name="labels">1 = positive, 0 = negative, row for row.</param>
    /// <exception cref="ArgumentException">Lengths differ, a label is not 0/1, a score is not finite, or a class is missing.</exception>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        var (positives, negatives) = Validate(scores, labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        // Sum of the positives' ranks (1-based), each run of tied scores taking its mean rank.
        double positiveRankSum = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            var meanRank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++)
                if (labels[order[k]] == 1) positiveRankSum += meanRank;
            start = end + 1;
        }
        var u = positiveRankSum - positives * (positives + 1) / 2.0;
        return u / ((double)positives * negatives);
    }

    /// <summary>
    /// The true-positive rate at a false-positive-rate budget: the highest TPR over the ROC curve's points (thresholds t
    /// predicting positive for score ≥ t, one per distinct score, plus t = +∞ with TPR = FPR = 0) whose FPR ≤
    /// <paramref name="maxFalsePositiveRate"/>. No interpolation between points, so with fewer than 1/budget negatives
    /// it is the share of positives scored above every negative.
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Auc"/>, or a budget outside [0, 1].</exception>
    public static double TruePositiveRateAt(IReadOnlyList<double> scores, IReadOnlyList<int> labels, double maxFalsePositiveRate)
    {
        if (!(maxFalsePositiveRate >= 0 && maxFalsePositiveRate <= 1))
            throw new ArgumentException($"The false-positive budget must be in [0, 1], got {maxFalsePositiveRate}.", nameof(maxFalsePositiveRate));
        var (positives, negatives) = Validate(scores, labels);
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        int truePositives = 0, falsePositives = 0;
        double best = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            for (var k = start; k <= end; k++)
                if (labels[order[k]] == 1) truePositives++; else falsePositives++;
            // Integer counts divided once, as scikit-learn forms its rates, so 1/100 compares equal to the budget 0.01.
            if ((double)falsePositives / negatives <= maxFalsePositiveRate)
                best = Math.Max(best, (double)truePositives / positives);
            start = end + 1;
        }
        return best;
    }

    private static (int Positives, int Negatives) Validate(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
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
        return (positives, labels.Count - positives);
    }
}
