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

    /// <summary>Thresholds as --identity-splits gives them, "test,forget,train"; null gives <see cref="Default"/>.</summary>
    /// <exception cref="ArgumentException">Not three whole numbers, or out of order (<see cref="Validate"/>).</exception>
    public static MucacThresholds Parse(string? text)
    {
        if (text is null) return Default;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, out _)))
            throw new ArgumentException($"identity splits '{text}' must be three whole numbers: test,forget,train (e.g. 190,1250,4855)");
        var thresholds = new MucacThresholds(int.Parse(parts[0]), int.Parse(parts[1]), int.Parse(parts[2]));
        thresholds.Validate();
        return thresholds;
    }

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
