using Lethe.Evaluation;

namespace Lethe.Audit;

/// <summary>
/// How well an attack's score tells positives (here: models unlearned from an Original that saw the example) from
/// negatives (models retrained without it). Chance is 0.5 for the accuracies and the AUC, and TPR = FPR.
/// </summary>
/// <param name="Auc">Area under the ROC curve: P(a positive outscores a negative), ties counting ½.</param>
/// <param name="BalancedAccuracy">(TPR + TNR)/2 at the likelihood-ratio test's own threshold: positive when score &gt; 0.</param>
/// <param name="BestBalancedAccuracy">The best (TPR + TNR)/2 over all thresholds. Optimistic: the threshold is chosen on
/// the scores it is measured on, so it exceeds 0.5 even on pools that cannot be told apart (by about 1/√(samples)).</param>
/// <param name="TprAt1PercentFpr">The largest TPR of a threshold with FPR ≤ 1% (LiRA's low-FPR view).</param>
/// <param name="TprAtTenthPercentFpr">The largest TPR of a threshold with FPR ≤ 0.1%; with fewer than 1,000 negatives this
/// allows no false positive at all.</param>
/// <param name="Positives">Scores of positives.</param>
/// <param name="Negatives">Scores of negatives.</param>
public sealed record AttackMetrics(
    double Auc,
    double BalancedAccuracy,
    double BestBalancedAccuracy,
    double TprAt1PercentFpr,
    double TprAtTenthPercentFpr,
    int Positives,
    int Negatives)
{
    /// <summary>The metrics of a score for which larger means "more likely positive".</summary>
    /// <exception cref="ArgumentException">No positive or no negative, or a score that is not a number (<see cref="RocCurve.Of"/>).</exception>
    public static AttackMetrics Of(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        var roc = RocCurve.Of(positives, negatives);
        var tpr = positives.Count(s => s > 0) / (double)positives.Count;
        var tnr = negatives.Count(s => s <= 0) / (double)negatives.Count;
        return new AttackMetrics(
            roc.Area, (tpr + tnr) / 2, roc.BestBalancedAccuracy(), roc.TprAtFpr(0.01), roc.TprAtFpr(0.001),
            positives.Count, negatives.Count);
    }
}
