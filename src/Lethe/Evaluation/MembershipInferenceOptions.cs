namespace Lethe.Evaluation;

/// <summary>
/// Settings of the loss-based membership-inference attack (spec §9.2); the defaults are the reference's.
/// </summary>
/// <param name="ForgetShuffleSeed">Seed of the permutation that picks which forget losses are kept. Default 42.</param>
/// <param name="SplitterSeed">Seed of the stratified splits. Default 0 (the reference's <c>random_state</c>).</param>
/// <param name="Splits">Number of stratified splits. Default 10.</param>
/// <param name="TestFraction">Test share of each split; test size ⌈TestFraction·n⌉. Default 0.1.</param>
/// <param name="C">Inverse L2 strength of the attack's logistic regression. Default 1.</param>
public sealed record MembershipInferenceOptions(
    long ForgetShuffleSeed = 42, long SplitterSeed = 0, int Splits = 10, double TestFraction = 0.1, double C = 1.0)
{
    /// <summary>The reference's settings.</summary>
    public static MembershipInferenceOptions Default { get; } = new();

    internal StratifiedShuffleSplitOptions SplitOptions => new(Splits, TestFraction, SplitterSeed);

    internal LogisticRegressionOptions RegressionOptions => new(C);
}
