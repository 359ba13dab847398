namespace Lethe.Tests.Support;

/// <summary>The one-sample Kolmogorov–Smirnov test of p-values against the uniform distribution on [0, 1].</summary>
public static class KolmogorovSmirnov
{
    /// <summary>D = sup |F_n(u) − u|: with the values sorted, the largest of i/n − u₍ᵢ₎ and u₍ᵢ₎ − (i − 1)/n.</summary>
    public static double UniformStatistic(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var d = 0.0;
        for (var i = 0; i < sorted.Length; i++)
            d = Math.Max(d, Math.Max((i + 1.0) / sorted.Length - sorted[i], sorted[i] - (double)i / sorted.Length));
        return d;
    }

    /// <summary>
    /// The critical value of D at α = 0.01 for n values: c / (√n + 0.12 + 0.11/√n) with c = √(−ln(α/2)/2) = 1.6276,
    /// Stephens' (1970) finite-sample form of the asymptotic bound (which it approaches from below: 0.1141 against 0.1151
    /// at n = 200).
    /// </summary>
    public static double Critical01(int n) =>
        Math.Sqrt(-Math.Log(0.005) / 2) / (Math.Sqrt(n) + 0.12 + 0.11 / Math.Sqrt(n));
}
