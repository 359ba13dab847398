namespace Lethe.Evaluation;

/// <summary>
/// Binary logistic regression with an unpenalised intercept, fitted by Newton's method (IRLS) in double precision:
/// minimises ½‖w‖² + C·Σᵢ log(1 + exp(−ỹᵢ·(w·xᵢ + b))), scikit-learn's <c>LogisticRegression()</c> objective.
/// </summary>
/// <remarks>
/// Hand-written on purpose. The attack needs one feature plus an intercept, so Newton's method is a 2×2 solve per
/// iteration and fits on one screen; no well-kept .NET library offers exactly scikit-learn's objective (L2 on the
/// weights only, intercept free), and matching that objective exactly matters more than generality. It also keeps the library
/// free of a numerical dependency. The objective is strictly convex for two-class data, so Newton with a backtracking
/// line search converges quadratically from zero (scikit-learn's start) to the unique optimum that lbfgs approximates
/// (to its tol 1e-4).
/// </remarks>
public static class LogisticRegression
{
    // Armijo sufficient-decrease fraction and the number of step halvings tried before giving up.
    private const double ArmijoFraction = 1e-4;
    private const int MaxHalvings = 60;

    /// <summary>Fits a one-feature model (the membership attack's raw loss).</summary>
    public static LogisticRegressionModel Fit(
        IReadOnlyList<double> feature, IReadOnlyList<int> labels, LogisticRegressionOptions? options = null)
    {
        var rows = new double[feature.Count][];
        for (var i = 0; i < rows.Length; i++) rows[i] = [feature[i]];
        return Fit(rows, labels, options);
    }

    /// <summary>Fits a model on rows of d features each; labels are 0 or 1 and both must occur.</summary>
    /// <exception cref="ArgumentException">A non-finite feature, a label other than 0/1, a single class, ragged rows.</exception>
    public static LogisticRegressionModel Fit(
        IReadOnlyList<double[]> rows, IReadOnlyList<int> labels, LogisticRegressionOptions? options = null)
    {
        options ??= LogisticRegressionOptions.Default;
        options.Validate();
        var features = ValidateInput(rows, labels);
        var problem = new Objective(rows, labels, options.C, features);

        var theta = new double[features + 1]; // weights, then intercept; zero start as in scikit-learn
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var (value, gradient, hessian) = problem.Evaluate(theta);
            var step = SymmetricSolver.Solve(hessian, gradient);
            if (IsNegligible(step, theta, options.Tolerance))
            {
                // In the quadratic phase the last Newton step is far below the objective's rounding, so take it unchecked.
                Subtract(theta, step, 1.0);
                return Model(theta, iteration, converged: true);
            }
            if (!LineSearch(problem, theta, step, value, Dot(gradient, step)))
                return Model(theta, iteration, converged: false);
        }
        return Model(theta, options.MaxIterations, converged: false);
    }

    /// <summary>Backtracks from the full Newton step, halving until the objective drops enough; updates theta in place.</summary>
    private static bool LineSearch(Objective problem, double[] theta, double[] step, double value, double decrement)
    {
        // Summing n log-losses in double rounds at about 1e-16·n·value; without this slack a genuine Newton step near
        // the optimum could be refused for rounding alone.
        var slack = 1e-12 * (1 + Math.Abs(value));
        var trial = new double[theta.Length];
        var t = 1.0;
        for (var halving = 0; halving <= MaxHalvings; halving++, t *= 0.5)
        {
            for (var j = 0; j < theta.Length; j++) trial[j] = theta[j] - t * step[j];
            var trialValue = problem.Value(trial);
            if (double.IsFinite(trialValue) && trialValue <= value - ArmijoFraction * t * decrement + slack)
            {
                Array.Copy(trial, theta, theta.Length);
                return true;
            }
        }
        return false;
    }

    private static bool IsNegligible(double[] step, double[] theta, double tolerance)
    {
        for (var j = 0; j < step.Length; j++)
            if (!(Math.Abs(step[j]) <= tolerance * (1 + Math.Abs(theta[j])))) return false;
        return true;
    }

    private static int ValidateInput(IReadOnlyList<double[]> rows, IReadOnlyList<int> labels)
    {
        if (rows.Count != labels.Count)
            throw new ArgumentException($"Logistic regression got {rows.Count} rows but {labels.Count} labels.", nameof(labels));
        if (rows.Count == 0)
            throw new ArgumentException("Logistic regression needs at least one row.", nameof(rows));
        var features = rows[0].Length;
        if (features == 0)
            throw new ArgumentException("Logistic regression needs at least one feature per row.", nameof(rows));
        var positives = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != features)
                throw new ArgumentException($"Row {i} has {rows[i].Length} features; row 0 has {features}.", nameof(rows));
            for (var j = 0; j < features; j++)
                if (!double.IsFinite(rows[i][j]))
                    throw new ArgumentException($"Feature {j} of row {i} is {rows[i][j]}; logistic regression needs finite values.", nameof(rows));
            if (labels[i] is not (0 or 1))
                throw new ArgumentException($"Label of row {i} is {labels[i]}; expected 0 or 1.", nameof(labels));
            positives += labels[i];
        }
        if (positives == 0 || positives == rows.Count)
            throw new ArgumentException(
                $"Logistic regression needs both classes, but all {rows.Count} labels are {labels[0]}.", nameof(labels));
        return features;
    }

    private static LogisticRegressionModel Model(double[] theta, int iterations, bool converged) =>
        new(theta[..^1], theta[^1], iterations, converged);

    private static void Subtract(double[] theta, double[] step, double t)
    {
        for (var j = 0; j < theta.Length; j++) theta[j] -= t * step[j];
    }

    private static double Dot(double[] a, double[] b)
    {
        var s = 0.0;
        for (var j = 0; j < a.Length; j++) s += a[j] * b[j];
        return s;
    }

    /// <summary>The penalised objective over θ = (w, b) with its gradient and Hessian.</summary>
    private sealed class Objective(IReadOnlyList<double[]> rows, IReadOnlyList<int> labels, double c, int features)
    {
        public double Value(double[] theta)
        {
            var value = Penalty(theta);
            for (var i = 0; i < rows.Count; i++) value += c * LogLoss(Margin(theta, rows[i]), labels[i]);
            return value;
        }

        public (double Value, double[] Gradient, double[,] Hessian) Evaluate(double[] theta)
        {
            var m = features + 1;
            var gradient = new double[m];
            var hessian = new double[m, m];
            var value = Penalty(theta);
            var x = new double[m];
            x[features] = 1; // the intercept's constant column
            for (var i = 0; i < rows.Count; i++)
            {
                Array.Copy(rows[i], x, features);
                var z = Margin(theta, rows[i]);
                var p = LogisticRegressionModel.Sigmoid(z);
                value += c * LogLoss(z, labels[i]);
                var residual = c * (p - labels[i]);
                var weight = c * p * (1 - p);
                for (var j = 0; j < m; j++)
                {
                    gradient[j] += residual * x[j];
                    for (var k = 0; k <= j; k++) hessian[j, k] += weight * x[j] * x[k];
                }
            }
            for (var j = 0; j < features; j++)
            {
                gradient[j] += theta[j]; // ½‖w‖² on the weights only: the intercept is free
                hessian[j, j] += 1;
            }
            for (var j = 0; j < m; j++)
                for (var k = 0; k < j; k++) hessian[k, j] = hessian[j, k];
            return (value, gradient, hessian);
        }

        private double Penalty(double[] theta)
        {
            var s = 0.0;
            for (var j = 0; j < features; j++) s += theta[j] * theta[j];
            return 0.5 * s;
        }

        private double Margin(double[] theta, double[] row)
        {
            var z = theta[features];
            for (var j = 0; j < features; j++) z += theta[j] * row[j];
            return z;
        }

        // log(1 + e^z) − y·z without overflow for large |z|: softplus(z) = max(z, 0) + log(1 + e^−|z|). Its absolute
        // error stays at rounding level, which is all a sum of losses needs.
        private static double LogLoss(double z, int y)
        {
            var softplus = Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
            return softplus - y * z;
        }
    }
}
