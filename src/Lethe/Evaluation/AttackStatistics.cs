namespace Lethe.Evaluation;

/// <summary>
/// What a report needs of one model's attack beside A: the threshold-free cross-checks, the spread over the
/// cross-validation splits, and the sets it compared. Stored in results.json; absent in runs stored before it existed.
/// </summary>
/// <param name="RocAuc">ROC AUC of score = −loss for "member" (higher score = member), ties counted half; 0.5 = no separation.</param>
/// <param name="TprAtOnePercentFpr">Share of members found at a false-positive rate ≤ 1%, same score and rows.</param>
/// <param name="SplitAccuracySd">Sample standard deviation (n − 1) of the split accuracies whose mean is A.</param>
/// <param name="Splits">How many splits A averages.</param>
/// <param name="Balance">The sizes compared and which side was subsampled.</param>
/// <param name="SmallSet">True when the smaller side has fewer than <paramref name="SmallSetThreshold"/> rows: the
/// spread of A may then exceed the differences between methods.</param>
/// <param name="SmallSetThreshold">The threshold <paramref name="SmallSet"/> was judged by.</param>
public sealed record AttackStatistics(
    double RocAuc,
    double TprAtOnePercentFpr,
    double SplitAccuracySd,
    int Splits,
    AttackBalance Balance,
    bool SmallSet,
    int SmallSetThreshold)
{
    /// <summary>The statistics of an attack run with <paramref name="options"/>.</summary>
    public static AttackStatistics From(MembershipInferenceResult result, MembershipInferenceOptions options) => new(
        result.RocAuc, result.TprAtLowFpr, result.SplitAccuracySd, result.SplitAccuracies.Count, result.Balance,
        result.Balance.SmallerSide < options.SmallSetThreshold, options.SmallSetThreshold);
}
