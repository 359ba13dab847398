namespace Lethe.Evaluation;

/// <summary>
/// NoMUS, the paper's Normalized Machine Unlearning Score, which the reference notebooks (ndb796/MachineUnlearning)
/// print as "Final Score": λ·Acc + (1 − λ)·(1 − 2F), F = |A − 0.5|. It rewards utility and an attack that cannot beat
/// a coin; 0 is worst, 1 best.
/// </summary>
public static class NoMus
{
    /// <summary>The reference's weight, used in all its tables.</summary>
    public const double DefaultLambda = 0.5;

    /// <summary>NoMUS from the test accuracy and the attack accuracy A.</summary>
    /// <exception cref="ArgumentException">A value outside [0, 1], or not a number.</exception>
    public static double Score(double accuracy, double attackAccuracy, double lambda = DefaultLambda)
    {
        RequireIn(attackAccuracy, 0, 1, nameof(attackAccuracy));
        return FromForgettingScore(accuracy, Math.Abs(attackAccuracy - 0.5), lambda);
    }

    /// <summary>NoMUS from the test accuracy and the forgetting score F (the "MIA" column of the reference tables).</summary>
    /// <exception cref="ArgumentException">Accuracy or λ outside [0, 1], F outside [0, 0.5], or not a number.</exception>
    public static double FromForgettingScore(double accuracy, double forgettingScore, double lambda = DefaultLambda)
    {
        RequireIn(accuracy, 0, 1, nameof(accuracy));
        RequireIn(forgettingScore, 0, 0.5, nameof(forgettingScore));
        RequireIn(lambda, 0, 1, nameof(lambda));
        return lambda * accuracy + (1 - lambda) * (1 - 2 * forgettingScore);
    }

    private static void RequireIn(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentException($"NoMUS {name} must be in [{min}, {max}], got {value}.", name);
    }
}
