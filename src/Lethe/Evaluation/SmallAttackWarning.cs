using System.Globalization;

namespace Lethe.Evaluation;

/// <summary>
/// The warning for an attack on few images: with under about 100 a side each split tests a handful of rows, and A moves
/// from split to split by more than methods differ. Shared by the run log and the reports so they say the same.
/// </summary>
public static class SmallAttackWarning
{
    /// <summary>The warning for a smaller side of <paramref name="images"/>, with the fold SDs measured on it (none yet
    /// before any model is evaluated).</summary>
    public static string Text(int images, int threshold, int splits, IReadOnlyList<double> foldSds)
    {
        var spread = foldSds.Count == 0
            ? $"the spread of its {splits} fold accuracies (each model's fold SD is given with its scores)"
            : $"the standard deviation of its {splits} fold accuracies, {Range(foldSds)},";
        return $"The attack compares only {images} images per side (fewer than {threshold}): {spread} may exceed the differences between methods.";
    }

    /// <summary>
    /// The warning the run prints before it trains, and `lethe datasets check` with it, for the attack on the sets
    /// <paramref name="balance"/> plans: that it cannot be computed (<see cref="AttackFeasibility"/>), that it is small,
    /// or null when neither.
    /// </summary>
    public static string? Before(AttackBalance balance, MembershipInferenceOptions options) =>
        AttackFeasibility.Problem(balance, options) is { } problem
            ? $"The attack cannot be computed: {problem}; every model's A, F (MIA) and NoMUS (Final Score) will show \"–\"."
            : balance.SmallerSide < options.SmallSetThreshold
                ? Text(balance.SmallerSide, options.SmallSetThreshold, options.Splits, [])
                : null;

    private static string Range(IReadOnlyList<double> values)
    {
        string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        var (low, high) = (values.Min(), values.Max());
        return F(low) == F(high) ? F(low) : $"{F(low)}–{F(high)} across models";
    }
}
