namespace Lethe.Evaluation.Metrics;

/// <summary>What a metric measured for one model: one value per row and the curves it read them from, if any.</summary>
/// <param name="Values">One value per row key (see <see cref="IModelMetric.Measure"/>).</param>
public sealed record MetricResult(IReadOnlyDictionary<string, MetricValue> Values)
{
    /// <summary>Its curves by a key unique within the metric ("model"); empty for a metric of plain values.</summary>
    public IReadOnlyDictionary<string, MetricCurve> Curves { get; init; } = new Dictionary<string, MetricCurve>();
}
