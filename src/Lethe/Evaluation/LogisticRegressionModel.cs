namespace Lethe.Evaluation;

/// <summary>
/// A fitted binary logistic regression: P(y = 1 | x) = σ(w·x + b).
/// </summary>
/// <param name="Coefficients">The weights w, one per feature.</param>
/// <param name="Intercept">The unpenalised bias b.</param>
/// <param name="Iterations">Newton iterations taken.</param>
/// <param name="Converged">False when the iteration cap was hit or no step could lower the objective any more before
/// the stopping rule was met (e.g. a single class, where the optimum is at infinity).</param>
public sealed record LogisticRegressionModel(IReadOnlyList<double> Coefficients, double Intercept, int Iterations, bool Converged)
{
    /// <summary>w·x + b for one row.</summary>
    public double DecisionFunction(ReadOnlySpan<double> features)
    {
        if (features.Length != Coefficients.Count)
            throw new ArgumentException(
                $"The model has {Coefficients.Count} coefficient(s) but the row has {features.Length} feature(s).", nameof(features));
        var z = Intercept;
        for (var j = 0; j < features.Length; j++) z += Coefficients[j] * features[j];
        return z;
    }

    /// <summary>P(y = 1 | x).</summary>
    public double PredictProbability(ReadOnlySpan<double> features) => Sigmoid(DecisionFunction(features));

    /// <summary>P(y = 1 | x) for a one-feature model.</summary>
    public double PredictProbability(double feature) => PredictProbability([feature]);

    /// <summary>1 when w·x + b &gt; 0, else 0 (scikit-learn's rule: a point exactly on the boundary is class 0).</summary>
    public int Predict(ReadOnlySpan<double> features) => DecisionFunction(features) > 0 ? 1 : 0;

    /// <summary>The predicted class for a one-feature model.</summary>
    public int Predict(double feature) => Predict([feature]);

    /// <summary>The logistic function, written so that neither tail overflows.</summary>
    internal static double Sigmoid(double z) =>
        z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
}
