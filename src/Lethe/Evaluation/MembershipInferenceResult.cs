namespace Lethe.Evaluation;

/// <summary>The outcome of the membership-inference attack.</summary>
/// <param name="AttackAccuracy">A: the mean test accuracy over the splits. 0.5 is ideal (the attacker guesses) when the
/// sets are balanced (see <paramref name="Balance"/>).</param>
/// <param name="ForgettingScore">F = |A − 0.5| ∈ [0, 0.5], the "MIA" column of the reference tables.</param>
/// <param name="SplitAccuracies">The test accuracy of each split, in split order.</param>
/// <param name="ForgetCount">Member rows used.</param>
/// <param name="UnseenCount">Non-member rows used.</param>
/// <param name="FullFit">The attack model fitted on all rows (diagnostic: its sign says which side the members are on).</param>
/// <param name="SplitFits">The attack model fitted on each split's training rows.</param>
/// <param name="RocAuc">ROC AUC of score = −loss for "member" over all rows used (<see cref="RocCurve.Auc"/>): no
/// threshold and no fit, so a cross-check of A. 0.5 = no separation.</param>
/// <param name="TprAtLowFpr">The share of members found at a false-positive rate of at most 1% over all rows used
/// (<see cref="RocCurve.TruePositiveRateAt"/>, score = −loss).</param>
/// <param name="Balance">The sizes used and which side was subsampled.</param>
public sealed record MembershipInferenceResult(
    double AttackAccuracy,
    double ForgettingScore,
    IReadOnlyList<double> SplitAccuracies,
    int ForgetCount,
    int UnseenCount,
    LogisticRegressionModel FullFit,
    IReadOnlyList<LogisticRegressionModel> SplitFits,
    double RocAuc,
    double TprAtLowFpr,
    AttackBalance Balance)
{
    /// <summary>The sample standard deviation (n − 1) of <see cref="SplitAccuracies"/>: how much A moves with the split;
    /// NaN for a single split.</summary>
    public double SplitAccuracySd
    {
        get
        {
            if (SplitAccuracies.Count < 2) return double.NaN;
            var mean = SplitAccuracies.Average();
            return Math.Sqrt(SplitAccuracies.Sum(a => (a - mean) * (a - mean)) / (SplitAccuracies.Count - 1));
        }
    }
}
