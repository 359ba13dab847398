namespace Lethe.Evaluation;

/// <summary>
/// Settings of the loss-based membership-inference attack; the defaults are the reference's (<c>cal_mia()</c> and
/// <c>simple_mia()</c> in the ndb796/MachineUnlearning notebooks), plus the balancing of small forget sets that the
/// reference lacks.
/// </summary>
/// <param name="SubsampleSeed">Seed of the permutations that pick which losses are kept: forget from the stream
/// "mia/forget-shuffle" (the reference's), unseen from "mia/unseen-shuffle" when it is cut. The benchmark passes the
/// experiment seed. Default 42.</param>
/// <param name="SplitterSeed">Seed of the stratified splits. Default 0 (the reference's <c>random_state</c>).</param>
/// <param name="Splits">Number of stratified splits. Default 10.</param>
/// <param name="TestFraction">Test share of each split; test size ⌈TestFraction·n⌉. Default 0.1.</param>
/// <param name="C">Inverse L2 strength of the attack's logistic regression. Default 1.</param>
/// <param name="ReferenceImbalanceTolerance">How far unseen may exceed forget, as a share of |forget|, and still be used
/// whole: the reference never cuts unseen, and Lethe keeps that path up to this tolerance so that the published settings
/// give the reference's numbers. MUFAC's default has 1,500 forget against 1,504 unseen; used whole, an attacker that
/// always answers "non-member" scores 1504/3004 = 0.5007 rather than 0.5, far below the differences between methods.
/// Beyond the tolerance unseen is cut to |forget| at random, since with 14 forget against 525 unseen that attacker would
/// score 0.974 for every model. At 0.01 the floor is at most 1.01/2.01 = 0.5025. Default 0.01.</param>
/// <param name="SmallSetThreshold">Fewer rows than this on the smaller side flags the attack as small: its fold
/// accuracies spread so widely (a split tests only ⌈0.1·2n⌉ rows) that the spread may exceed the differences between
/// methods. Default 100.</param>
public sealed record MembershipInferenceOptions(
    long SubsampleSeed = 42, long SplitterSeed = 0, int Splits = 10, double TestFraction = 0.1, double C = 1.0,
    double ReferenceImbalanceTolerance = 0.01, int SmallSetThreshold = 100)
{
    /// <summary>The reference's settings.</summary>
    public static MembershipInferenceOptions Default { get; } = new();

    /// <summary>The false-positive budget of the reported true-positive rate (the literature's "TPR at 1% FPR").</summary>
    public const double LowFalsePositiveRate = 0.01;

    internal StratifiedShuffleSplitOptions SplitOptions => new(Splits, TestFraction, SplitterSeed);

    internal LogisticRegressionOptions RegressionOptions => new(C);
}
