namespace Lethe.Audit;

/// <summary>Settings of the leave-one-out U-LiRA attack.</summary>
/// <param name="VarianceFloor">The smallest variance a fitted Gaussian may have, in φ units squared (default 1e-6, a
/// standard deviation of 0.001). It only matters when a pool gives one φ for every model (a method whose result does not
/// depend on its seed): the density stays finite there, while any real seed-to-seed spread, orders of magnitude wider,
/// is left untouched.</param>
public sealed record ULiraOptions(double VarianceFloor = 1e-6)
{
    /// <summary>The defaults.</summary>
    public static ULiraOptions Default { get; } = new();

    /// <exception cref="ArgumentException">A floor that is not positive and finite.</exception>
    public void Validate()
    {
        if (!(VarianceFloor > 0 && double.IsFinite(VarianceFloor)))
            throw new ArgumentException($"The U-LiRA variance floor must be positive and finite, got {VarianceFloor}.", nameof(VarianceFloor));
    }
}
