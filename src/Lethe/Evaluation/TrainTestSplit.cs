namespace Lethe.Evaluation;

/// <summary>One cross-validation split: row indices to fit on and row indices to score on (disjoint).</summary>
/// <param name="Train">Indices of the training rows, ascending.</param>
/// <param name="Test">Indices of the test rows, ascending.</param>
public sealed record TrainTestSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Test);
