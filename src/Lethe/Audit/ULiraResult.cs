namespace Lethe.Audit;

/// <summary>The outcome of leave-one-out U-LiRA.</summary>
/// <param name="UnlearnedScores">N_u × E: the log-likelihood ratio of each held-out unlearned model on each example
/// (the positives; an attack that works gives them large values).</param>
/// <param name="RetrainedScores">N_r × E: the same for each held-out retrained model (the negatives).</param>
/// <param name="Pooled">The attack over every model and example together.</param>
/// <param name="PerExampleAuc">Each example's own AUC over its N_u + N_r held-out models: how exposed that one example
/// (or identity) is; 0.5 is as good as retraining.</param>
public sealed record ULiraResult(
    double[,] UnlearnedScores,
    double[,] RetrainedScores,
    AttackMetrics Pooled,
    IReadOnlyList<double> PerExampleAuc);
