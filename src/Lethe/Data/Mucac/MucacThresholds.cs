namespace Lethe.Data;

/// <summary>
/// The identity ranges of MUCAC's sets (the reference notebooks' <c>train_index</c> 190, <c>retain_index</c> 1250 and
/// <c>unseen_index</c> 4855): test below <see cref="TestBelow"/>, forget up to <see cref="ForgetBelow"/>, retain up to
/// <see cref="TrainBelow"/>, unseen from there on.
/// </summary>
public sealed record MucacThresholds(int TestBelow = 190, int ForgetBelow = 1250, int TrainBelow = 4855)
{
    /// <summary>The reference's thresholds.</summary>
    public static MucacThresholds Default { get; } = new();

    /// <summary>The set of an image of person <paramref name="identity"/>.</summary>
    public MucacSplit SplitOf(int identity) =>
        identity < TestBelow ? MucacSplit.Test
        : identity < ForgetBelow ? MucacSplit.Forget
        : identity < TrainBelow ? MucacSplit.Retain
        : MucacSplit.Unseen;

    /// <exception cref="ArgumentException">The thresholds are negative or out of order.</exception>
    public void Validate()
    {
        if (TestBelow < 0 || ForgetBelow < TestBelow || TrainBelow < ForgetBelow)
            throw new ArgumentException(
                $"MUCAC thresholds must satisfy 0 <= test ({TestBelow}) <= forget ({ForgetBelow}) <= train ({TrainBelow})");
    }
}
