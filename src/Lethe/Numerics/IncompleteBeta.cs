namespace Lethe.Numerics;

/// <summary>
/// The regularised incomplete beta function I_x(a, b), from which Student's t distribution takes its tail
/// (<see cref="StudentT.UpperTail"/>). Evaluated by its continued fraction (modified Lentz), on whichever side of the
/// mean a/(a + b) it converges fast, as in Numerical Recipes (3rd ed., §6.4); ln Γ by Lanczos' series (g = 7, 9 terms),
/// good to about 1e-15.
/// </summary>
internal static class IncompleteBeta
{
    private const int MaxIterations = 10_000;
    private const double Tolerance = 1e-15;
    private const double Tiny = 1e-300;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>I_x(a, b) for x ∈ [0, 1] and a, b &gt; 0.</summary>
    public static double Regularized(double x, double a, double b)
    {
        if (!(x >= 0 && x <= 1)) throw new ArgumentOutOfRangeException(nameof(x), x, "I_x(a, b) needs x in [0, 1].");
        if (!(a > 0 && b > 0)) throw new ArgumentOutOfRangeException(nameof(a), (a, b), "I_x(a, b) needs a, b > 0.");
        if (x == 0 || x == 1) return x;
        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        // The fraction converges fast below the mean; above it, I_x(a, b) = 1 − I_{1−x}(b, a).
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logFront) * ContinuedFraction(x, a, b) / a
            : 1 - Math.Exp(logFront) * ContinuedFraction(1 - x, b, a) / b;
    }

    /// <summary>ln Γ(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0)) throw new ArgumentOutOfRangeException(nameof(x), x, "ln Γ(x) is taken here for x > 0 only.");
        // Reflection Γ(x)Γ(1 − x) = π / sin πx keeps the series where it is accurate.
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++) sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static double ContinuedFraction(double x, double a, double b)
    {
        var c = 1.0;
        var d = NonZero(1 - (a + b) * x / (a + 1));
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= MaxIterations; m++)
        {
            var even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m));
            d = 1 / NonZero(1 + even * d);
            c = NonZero(1 + even / c);
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m));
            d = 1 / NonZero(1 + odd * d);
            c = NonZero(1 + odd / c);
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < Tolerance) return h;
        }
        throw new InvalidOperationException($"I_x(a, b) did not converge for x = {x}, a = {a}, b = {b}.");
    }

    private static double NonZero(double value) => Math.Abs(value) < Tiny ? Tiny : value;
}
