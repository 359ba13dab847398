namespace Lethe.Audit;

/// <summary>
/// The challenge's utility-adjusted final score (main.py, commit ffae0ff): F × (mean retain accuracy of the unlearned
/// models / that of the retrained ones) × (the same ratio for test accuracy). Neither ratio is capped at 1, so a method
/// more accurate than retraining can raise its score above F.
/// </summary>
/// <param name="ForgettingQuality">F ∈ [0, 1].</param>
/// <param name="RetainRatio">Mean unlearned retain accuracy over mean retrained retain accuracy.</param>
/// <param name="TestRatio">Mean unlearned test accuracy over mean retrained test accuracy.</param>
public sealed record ChallengeScore(double ForgettingQuality, double RetainRatio, double TestRatio)
{
    /// <summary>F × retain ratio × test ratio, multiplied in main.py's order.</summary>
    public double Final => ForgettingQuality * RetainRatio * TestRatio;

    /// <summary>The score from F and each model's accuracies (any unit, percent in main.py, as long as both sides agree).</summary>
    /// <exception cref="ArgumentException">An empty list, or a retrained mean accuracy of 0.</exception>
    public static ChallengeScore Of(
        double forgettingQuality,
        IReadOnlyList<double> unlearnedRetain, IReadOnlyList<double> unlearnedTest,
        IReadOnlyList<double> retrainedRetain, IReadOnlyList<double> retrainedTest) =>
        new(forgettingQuality,
            Ratio(unlearnedRetain, retrainedRetain, "retain"),
            Ratio(unlearnedTest, retrainedTest, "test"));

    private static double Ratio(IReadOnlyList<double> unlearned, IReadOnlyList<double> retrained, string set)
    {
        if (unlearned.Count == 0 || retrained.Count == 0)
            throw new ArgumentException($"The {set} accuracies need at least one model a side.", set);
        var reference = retrained.Average();
        if (reference == 0) throw new ArgumentException($"The retrained models' mean {set} accuracy is 0; the ratio is undefined.", set);
        return unlearned.Average() / reference;
    }
}
