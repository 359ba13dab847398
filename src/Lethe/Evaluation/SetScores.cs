namespace Lethe.Evaluation;

/// <summary>
/// A model's scores on one set, from one pass in evaluation mode: accuracy (mean over attributes for multi-label),
/// per-attribute accuracy, top-2 accuracy where the task ranks classes, and every per-sample loss (what the MIA sees).
/// </summary>
public sealed record SetScores(
    int Count,
    double Accuracy,
    IReadOnlyList<double> AttributeAccuracy,
    double? Top2Accuracy,
    double MeanLoss,
    float[] Losses);
