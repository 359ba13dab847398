namespace Lethe.Evaluation;

/// <summary>
/// φ, the logit-scaled confidence of one model on one example: φ = log p_y − log(1 − p_y). It is the per-example
/// statistic every forgetting score here reads (the NeurIPS-2023 challenge's metric.py
/// <c>compute_logit_scaled_confidence</c>, LiRA's score, EasyDUB's "margin"). Large positive φ: the model is sure of
/// the true label, as it tends to be on its training data.
/// </summary>
/// <remarks>
/// Computed exactly as the margin z_y − log Σ_{j≠y} e^{z_j} in double, with the largest other logit taken out first so
/// nothing overflows. The official code goes through float32 exponentials and adds 1e-45 inside each logarithm, so it
/// agrees with this to about 1e-7 up to |φ| ≈ 80 but saturates near ±103.6 where this keeps growing with the logits.
/// </remarks>
public static class Phi
{
    /// <summary>φ of one example under a softmax classifier.</summary>
    /// <param name="logits">The model's logits for the example, one per class (at least 2).</param>
    /// <param name="label">The true class, in [0, logits.Length).</param>
    /// <exception cref="ArgumentException">Fewer than 2 classes, or a logit that is infinite or not a number.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label outside the classes.</exception>
    public static double FromLogits(ReadOnlySpan<float> logits, int label)
    {
        if (logits.Length < 2)
            throw new ArgumentException($"φ needs at least 2 classes, got {logits.Length}.", nameof(logits));
        if ((uint)label >= (uint)logits.Length)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"The label must be a class in [0, {logits.Length}).");
        foreach (var z in logits)
            if (!float.IsFinite(z)) throw new ArgumentException($"A logit is {z}; φ needs finite logits.", nameof(logits));
        return logits[label] - LogSumExpExcept(logits, label);
    }

    /// <summary>φ of each example (one row of logits per example) under a softmax classifier.</summary>
    /// <param name="logits">Examples × classes.</param>
    /// <param name="labels">The true class of each example.</param>
    /// <returns>One φ per example, in row order.</returns>
    /// <exception cref="ArgumentException">A label count that differs from the row count, or a bad row (see the span overload).</exception>
    public static double[] FromLogits(float[,] logits, IReadOnlyList<int> labels)
    {
        var rows = logits.GetLength(0);
        if (labels.Count != rows)
            throw new ArgumentException($"{labels.Count} labels for {rows} rows of logits.", nameof(labels));
        var row = new float[logits.GetLength(1)];
        var phi = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var c = 0; c < row.Length; c++) row[c] = logits[i, c];
            phi[i] = FromLogits(row, labels[i]);
        }
        return phi;
    }

    /// <summary>
    /// φ of one binary attribute under a sigmoid output: with p = σ(z), log p − log(1 − p) = z when the label is 1, and
    /// −z when it is 0 (then p_y = 1 − σ(z) = σ(−z)). This is the multi-label case, one φ per attribute.
    /// </summary>
    public static double FromSigmoidLogit(float logit, bool label) => label ? logit : -(double)logit;

    /// <summary>φ of every attribute of every example under sigmoid outputs (the multi-label task).</summary>
    /// <param name="logits">Examples × attributes.</param>
    /// <param name="labels">Examples × attributes, each 0 or 1.</param>
    /// <returns>Examples × attributes.</returns>
    /// <exception cref="ArgumentException">Shapes that differ, a label other than 0 or 1, or a logit that is not finite.</exception>
    public static double[,] FromSigmoidLogits(float[,] logits, int[,] labels)
    {
        if (logits.GetLength(0) != labels.GetLength(0) || logits.GetLength(1) != labels.GetLength(1))
            throw new ArgumentException(
                $"Labels are {labels.GetLength(0)}×{labels.GetLength(1)}, logits {logits.GetLength(0)}×{logits.GetLength(1)}.",
                nameof(labels));
        var phi = new double[logits.GetLength(0), logits.GetLength(1)];
        for (var i = 0; i < phi.GetLength(0); i++)
            for (var a = 0; a < phi.GetLength(1); a++)
            {
                if (labels[i, a] is not (0 or 1))
                    throw new ArgumentException($"Label [{i}, {a}] is {labels[i, a]}; a sigmoid label is 0 or 1.", nameof(labels));
                if (!float.IsFinite(logits[i, a]))
                    throw new ArgumentException($"Logit [{i}, {a}] is {logits[i, a]}; φ needs finite logits.", nameof(logits));
                phi[i, a] = FromSigmoidLogit(logits[i, a], labels[i, a] == 1);
            }
        return phi;
    }

    /// <summary>log Σ_{j≠skip} e^{z_j}, shifted by the largest of those logits so that no exponential overflows.</summary>
    private static double LogSumExpExcept(ReadOnlySpan<float> logits, int skip)
    {
        var max = double.NegativeInfinity;
        for (var j = 0; j < logits.Length; j++)
            if (j != skip) max = Math.Max(max, logits[j]);
        var sum = 0.0;
        for (var j = 0; j < logits.Length; j++)
            if (j != skip) sum += Math.Exp(logits[j] - max);
        return max + Math.Log(sum);
    }
}
