namespace Lethe.Evaluation.Metrics;

/// <summary>
/// How far the model's predictions are from the Retrained model's on forget and on retain: the mean Jensen–Shannon
/// divergence of <see cref="OutputDivergence"/> (nats, in [0, ln 2]). Unlearning's target is to predict like Retrained,
/// so 0 is ideal on both sets. "–" when the run has no Retrained to compare with (the base models, made side by side).
/// </summary>
public sealed class OutputDivergenceMetric : IModelMetric
{
    public string Name => "output-divergence";

    public IReadOnlyList<MetricRow> Rows { get; } =
    [
        new("forget", "Forget JS vs Retrained"),
        new("retain", "Retain JS vs Retrained"),
    ];

    public IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context) =>
        VersusRetrained.OnForgetAndRetain(context, (retrained, set) =>
            OutputDivergence.Measure(retrained, context.Model, context.Task, set, context.Transform, context.Device).MeanJs);
}
