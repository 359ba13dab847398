namespace Lethe.Evaluation;

/// <summary>
/// Settings of <see cref="LogisticRegression"/>. The defaults are scikit-learn's <c>LogisticRegression()</c> objective
/// (L2, C = 1, intercept not penalised) that the reference attack (<c>simple_mia()</c>) uses, solved far tighter than
/// lbfgs's tol 1e-4 so that the result is the optimum itself rather than one solver's stopping point.
/// </summary>
/// <param name="C">Inverse regularisation strength: objective = ½‖w‖² + C·Σ log-loss. Default 1.</param>
/// <param name="MaxIterations">Newton iterations before giving up (and reporting <c>Converged = false</c>). Default 100.</param>
/// <param name="Tolerance">Converged when every component of the Newton step is below Tolerance·(1 + |parameter|); with
/// quadratic convergence the final step then leaves the parameters exact to rounding. Default 1e-10.</param>
public sealed record LogisticRegressionOptions(double C = 1.0, int MaxIterations = 100, double Tolerance = 1e-10)
{
    /// <summary>scikit-learn's defaults (C = 1).</summary>
    public static LogisticRegressionOptions Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        if (!(C > 0) || double.IsInfinity(C))
            throw new ArgumentException($"Logistic regression C must be a finite number > 0, got {C}.", nameof(C));
        if (MaxIterations < 1)
            throw new ArgumentException($"Logistic regression MaxIterations must be >= 1, got {MaxIterations}.", nameof(MaxIterations));
        if (!(Tolerance > 0))
            throw new ArgumentException($"Logistic regression Tolerance must be > 0, got {Tolerance}.", nameof(Tolerance));
    }
}
