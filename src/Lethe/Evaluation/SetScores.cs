namespace Lethe.Evaluation;

/// <summary>
/// A model's scores on one set, from one pass in evaluation mode: accuracy (mean over attributes for multi-label),
/// per-attribute accuracy, top-2 accuracy where the task ranks classes, every per-sample loss (what the MIA sees) and
/// every sample's φ (what the audit sees).
/// </summary>
public sealed record SetScores(
    int Count,
    double Accuracy,
    IReadOnlyList<double> AttributeAccuracy,
    double? Top2Accuracy,
    double MeanLoss,
    float[] Losses)
{
    /// <summary>φ of each sample (rows, in the set's order) and attribute (columns); see PredictionTask.Phi.</summary>
    public double[,] Phi { get; init; } = new double[0, 0];
}
