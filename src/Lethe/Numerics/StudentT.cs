namespace Lethe.Numerics;

/// <summary>
/// Student's t distribution: its 97.5% quantile, i.e. the multiplier of a two-sided 95% confidence interval, and its
/// upper tail, the p-value of a one-sided t test. A benchmark averages over a handful of seeds, so a table of the
/// textbook quantiles for 1..30 degrees of freedom covers every real use; past 30 the normal limit 1.96 is at most 4%
/// narrower than the exact value. The tail is computed (<see cref="IncompleteBeta"/>), as a p-value needs more than a
/// table. Both keep the library free of a numerics package (MathNet.Numerics would be the candidate) for two functions.
/// </summary>
public static class StudentT
{
    /// <summary>The normal distribution's 97.5% quantile, the limit for many degrees of freedom.</summary>
    public const double NormalQuantile975 = 1.96;

    private static readonly double[] Table975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The 97.5% quantile for <paramref name="degreesOfFreedom"/> ≥ 1 (textbook values to three decimals).</summary>
    public static double Quantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return degreesOfFreedom <= Table975.Length ? Table975[degreesOfFreedom - 1] : NormalQuantile975;
    }

    /// <summary>P(T &gt; t) for T with <paramref name="degreesOfFreedom"/> &gt; 0 (not necessarily whole):
    /// ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and one minus that for t &lt; 0. Good to about 1e-13 for tens of degrees
    /// of freedom; the ln Γ differences inside lose about ν·1e-16, so 1e-10 at ν = 10⁶.</summary>
    /// <exception cref="ArgumentException">A t that is not a number.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Degrees of freedom that are not positive and finite.</exception>
    public static double UpperTail(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t)) throw new ArgumentException("t is not a number.", nameof(t));
        if (!(degreesOfFreedom > 0 && double.IsFinite(degreesOfFreedom)))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Degrees of freedom must be positive and finite.");
        var tail = double.IsInfinity(t)
            ? 0
            : 0.5 * IncompleteBeta.Regularized(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5);
        return t >= 0 ? tail : 1 - tail;
    }
}
