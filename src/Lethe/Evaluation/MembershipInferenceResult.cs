namespace Lethe.Evaluation;

/// <summary>The outcome of the membership-inference attack.</summary>
/// <param name="AttackAccuracy">A: the mean test accuracy over the splits. 0.5 is ideal (the attacker guesses).</param>
/// <param name="ForgettingScore">F = |A − 0.5| ∈ [0, 0.5], the "MIA" column of the reference tables.</param>
/// <param name="SplitAccuracies">The test accuracy of each split, in split order.</param>
/// <param name="ForgetCount">Member rows used (forget losses kept after truncation to the unseen count).</param>
/// <param name="UnseenCount">Non-member rows used (all unseen losses).</param>
/// <param name="FullFit">The attack model fitted on all rows (diagnostic: its sign says which side the members are on).</param>
/// <param name="SplitFits">The attack model fitted on each split's training rows.</param>
public sealed record MembershipInferenceResult(
    double AttackAccuracy,
    double ForgettingScore,
    IReadOnlyList<double> SplitAccuracies,
    int ForgetCount,
    int UnseenCount,
    LogisticRegressionModel FullFit,
    IReadOnlyList<LogisticRegressionModel> SplitFits);
