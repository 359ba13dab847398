namespace Lethe.Evaluation.Metrics;

/// <summary>One point of <see cref="WeightLine.Curve"/>.</summary>
/// <param name="Alpha">Position on the line: 0 the Original, 1 the model.</param>
/// <param name="ForgetLoss">Mean per-sample loss on forget (the task's loss; nats for cross-entropy).</param>
/// <param name="ForgetAccuracy">Accuracy on forget, in [0, 1].</param>
/// <param name="RetainLoss">Mean loss on the retain images scored; NaN when none were given.</param>
/// <param name="RetainAccuracy">Accuracy on the retain images scored; NaN when none were given.</param>
public sealed record LinePoint(double Alpha, double ForgetLoss, double ForgetAccuracy, double RetainLoss, double RetainAccuracy);
