namespace Lethe.Audit;

/// <summary>A normal distribution fitted to φ, and the log of its density.</summary>
/// <param name="Mean">μ, in φ units.</param>
/// <param name="Variance">σ², in φ units squared; positive.</param>
internal readonly record struct Gaussian(double Mean, double Variance)
{
    private static readonly double LogTwoPi = Math.Log(2 * Math.PI);

    /// <summary>log N(x; μ, σ²) = −½(log 2π + log σ² + (x − μ)²/σ²).</summary>
    public double LogDensity(double x)
    {
        var d = x - Mean;
        return -0.5 * (LogTwoPi + Math.Log(Variance) + d * d / Variance);
    }
}
