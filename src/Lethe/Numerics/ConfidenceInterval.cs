using System.Globalization;

namespace Lethe.Numerics;

/// <summary>
/// The mean of a metric over seeds with its two-sided 95% Student-t interval: mean ± t(0.975, n − 1)·s/√n, where s is
/// the sample standard deviation (n − 1 in the denominator). One seed has no spread to estimate, so it has no interval
/// (<see cref="HalfWidth"/> is null) and is shown as the mean alone.
/// </summary>
public sealed record ConfidenceInterval(double Mean, double? StandardDeviation, double? HalfWidth, int Count)
{
    /// <summary>The interval over the finite values of <paramref name="values"/>; null when there are none.</summary>
    public static ConfidenceInterval? Of(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return null;
        double mean = finite.Average();
        if (finite.Length == 1) return new ConfidenceInterval(mean, null, null, 1);
        double sd = Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1));
        return new ConfidenceInterval(mean, sd, StudentT.Quantile975(finite.Length - 1) * sd / Math.Sqrt(finite.Length), finite.Length);
    }

    public double? Lower => Mean - HalfWidth;

    public double? Upper => Mean + HalfWidth;

    /// <summary>"0.5120 ± 0.0130" with the .NET numeric <paramref name="format"/>, or "0.5120" without an interval.</summary>
    public string Format(string format, string plusMinus = " ± ")
    {
        var mean = Mean.ToString(format, CultureInfo.InvariantCulture);
        return HalfWidth is { } h ? mean + plusMinus + h.ToString(format, CultureInfo.InvariantCulture) : mean;
    }
}
