namespace Lethe.Evaluation;

/// <summary>
/// A linear classifier on frozen features, the probe of the representation tests: the features are projected onto their
/// leading principal components, each whitened to unit variance, and one <see cref="LogisticRegression"/> per class is
/// fitted one-vs-rest (scikit-learn's objective, C = 1); the predicted class is the one with the largest decision value.
/// A probe on frozen features recovers much of what an unlearned output layer hides (Kim et al. 2025, arXiv 2503.06991;
/// Gao et al. 2026, arXiv 2604.08271).
/// </summary>
/// <remarks>
/// The projection is for cost, not accuracy: the Newton solver of <see cref="LogisticRegression"/> builds a
/// (d+1)×(d+1) Hessian per iteration, about 0.3 s for 2,000 rows of ResNet-18's 512 features and 20 s for a probe of 8
/// classes; on <see cref="DefaultComponents"/> components it takes milliseconds. Whitening makes the L2 penalty weigh
/// every kept direction alike, so the probe does not favour the directions of largest variance.
/// </remarks>
public sealed class LinearProbe
{
    /// <summary>Principal components kept by default: 32.</summary>
    public const int DefaultComponents = 32;

    private readonly FeatureBasis _basis;
    private readonly int[] _classes;
    private readonly LogisticRegressionModel?[] _models; // one per class; null for a probe that saw one class only

    private LinearProbe(FeatureBasis basis, int[] classes, LogisticRegressionModel?[] models) =>
        (_basis, _classes, _models) = (basis, classes, models);

    /// <summary>Fits the probe on N × D features and N labels (any integers; a class absent here is never predicted).</summary>
    /// <param name="basis">The projection to use; default: one fitted on <paramref name="features"/>.</param>
    /// <param name="options">The logistic regressions' settings; default scikit-learn's (C = 1).</param>
    /// <exception cref="ArgumentException">No rows, or a label count other than N.</exception>
    public static LinearProbe Fit(double[,] features, IReadOnlyList<int> labels, FeatureBasis? basis = null,
        LogisticRegressionOptions? options = null)
    {
        if (features.GetLength(0) == 0) throw new ArgumentException("a probe needs at least one row", nameof(features));
        if (labels.Count != features.GetLength(0))
            throw new ArgumentException($"{features.GetLength(0)} rows but {labels.Count} labels", nameof(labels));
        basis ??= FeatureBasis.Fit(features, DefaultComponents);
        var rows = basis.Project(features);
        var classes = labels.Distinct().Order().ToArray();
        if (classes.Length == 1) return new LinearProbe(basis, classes, [null]);
        // Two classes need one fit (class 1 against class 0); more need one per class against the rest.
        var fitted = classes.Length == 2 ? [classes[1]] : classes;
        var models = fitted.Select(c => (LogisticRegressionModel?)LogisticRegression.Fit(rows, labels.Select(l => l == c ? 1 : 0).ToArray(), options)).ToArray();
        return new LinearProbe(basis, classes, models);
    }

    /// <summary>The predicted class of each of N × D features.</summary>
    public int[] Predict(double[,] features)
    {
        var rows = _basis.Project(features);
        return rows.Select(row => _models switch
        {
            [null] => _classes[0],
            [{ } one] when _classes.Length == 2 => _classes[one.Predict(row)],
            _ => _classes[Enumerable.Range(0, _models.Length).MaxBy(c => _models[c]!.DecisionFunction(row))],
        }).ToArray();
    }

    /// <summary>The share of rows whose predicted class is their label, in [0, 1]; NaN for no rows.</summary>
    public double Accuracy(double[,] features, IReadOnlyList<int> labels)
    {
        var predicted = Predict(features);
        return predicted.Length == 0 ? double.NaN : predicted.Where((p, i) => p == labels[i]).Count() / (double)predicted.Length;
    }
}
