namespace Lethe.Evaluation;

/// <summary>
/// Solves H·x = g for the small symmetric positive-definite Newton systems of <see cref="LogisticRegression"/>
/// (one row per feature plus the intercept) by Cholesky factorisation.
/// </summary>
internal static class SymmetricSolver
{
    /// <summary>
    /// Solves the system. When rounding makes H look indefinite (every probability saturated, so the intercept's curvature
    /// underflows) a growing ridge is added, which turns the Newton step into a damped gradient step instead of failing.
    /// </summary>
    public static double[] Solve(double[,] h, double[] g)
    {
        var n = g.Length;
        var scale = 0.0;
        for (var j = 0; j < n; j++) scale = Math.Max(scale, Math.Abs(h[j, j]));
        for (var ridge = 0.0; ; ridge = ridge == 0 ? 1e-12 * Math.Max(scale, 1) : ridge * 100)
        {
            var factor = Cholesky(h, ridge);
            if (factor is not null) return Substitute(factor, g);
            if (ridge > 1e12 * Math.Max(scale, 1))
                throw new InvalidOperationException("The Newton system stayed singular after regularisation.");
        }
    }

    private static double[,]? Cholesky(double[,] h, double ridge)
    {
        var n = h.GetLength(0);
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = h[j, j] + ridge;
            for (var k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 0)) return null;
            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < n; i++)
            {
                var s = h[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }
        return l;
    }

    private static double[] Substitute(double[,] l, double[] g)
    {
        var n = g.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = g[i];
            for (var k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < n; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }
        return x;
    }
}
