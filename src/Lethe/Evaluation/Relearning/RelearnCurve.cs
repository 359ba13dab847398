namespace Lethe.Evaluation.Relearning;

/// <summary>Forget accuracy of a model while it relearns on retain alone.</summary>
/// <param name="Steps">The steps scored at, ascending, starting at 0 (before any step).</param>
/// <param name="ForgetAccuracy">Forget accuracy in [0, 1] at each of <paramref name="Steps"/>.</param>
/// <param name="Seconds">Wall time of the fine-tuning and its scorings.</param>
public sealed record RelearnCurve(IReadOnlyList<int> Steps, IReadOnlyList<double> ForgetAccuracy, double Seconds)
{
    /// <summary>Why relearning stopped before T steps (the loss or the weights became non-finite); null when it ran through.</summary>
    public string? Divergence { get; init; }

    /// <summary>Forget accuracy after the last step.</summary>
    public double Final => ForgetAccuracy[^1];
}
