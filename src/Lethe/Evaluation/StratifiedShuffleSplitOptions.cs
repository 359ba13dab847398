namespace Lethe.Evaluation;

/// <summary>
/// Settings of <see cref="StratifiedShuffleSplit"/>; the defaults are the reference attack's
/// <c>StratifiedShuffleSplit(n_splits=10, random_state=0)</c> in <c>simple_mia()</c>, whose test size is
/// scikit-learn's default of 0.1.
/// </summary>
/// <param name="Splits">How many independent splits to draw. Default 10.</param>
/// <param name="TestFraction">Share of rows in each test set, strictly between 0 and 1; the test size is
/// ⌈TestFraction·n⌉. Default 0.1.</param>
/// <param name="Seed">Seed of the split stream. Default 0, the reference's <c>random_state</c> (the draws differ from
/// scikit-learn's; only the seed's role is the same).</param>
public sealed record StratifiedShuffleSplitOptions(int Splits = 10, double TestFraction = 0.1, long Seed = 0)
{
    /// <summary>The reference's settings.</summary>
    public static StratifiedShuffleSplitOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (Splits < 1)
            throw new ArgumentException($"Splits must be >= 1, got {Splits}.", nameof(Splits));
        if (!(TestFraction > 0 && TestFraction < 1))
            throw new ArgumentException($"TestFraction must be strictly between 0 and 1, got {TestFraction}.", nameof(TestFraction));
    }
}
