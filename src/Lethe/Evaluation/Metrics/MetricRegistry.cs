namespace Lethe.Evaluation.Metrics;

/// <summary>
/// Every per-model metric beyond the standard pass, in report order: an explicit list, not a reflection scan, so this
/// file shows them all. Add a metric by adding its file and one line here.
/// </summary>
public static class MetricRegistry
{
    public static IReadOnlyList<IModelMetric> All { get; } =
    [
        new WeightDistance(),
        new OutputDivergenceMetric(),
        new LinearCka(),
        new RelearningMetric(),
        new WeightLine(),
        new LinearProbeMetric(),
        new IdentityProbe(),
    ];

    /// <summary>The key a metric's row is stored under in <see cref="ModelEvaluation.Metrics"/>: "name/row".</summary>
    public static string Key(IModelMetric metric, MetricRow row) => Key(metric.Name, row.Key);

    /// <summary>The key a metric's row or curve is stored under (<see cref="ModelEvaluation.Metrics"/>,
    /// <see cref="ModelEvaluation.Curves"/>): "name/key".</summary>
    public static string Key(string metric, string key) => $"{metric}/{key}";

    /// <summary>Measures every registered metric: its values keyed "name/row" and its curves "name/curve"; a metric that
    /// fails on bad input is not caught (it is a bug or the user's data, and says which).</summary>
    public static MetricResult MeasureAll(MetricContext context)
    {
        var values = new Dictionary<string, MetricValue>();
        var curves = new Dictionary<string, MetricCurve>();
        foreach (var metric in All)
        {
            var measured = metric.MeasureWithCurves(context);
            foreach (var row in metric.Rows)
                values[Key(metric, row)] = measured.Values.TryGetValue(row.Key, out var value)
                    ? value
                    : throw new InvalidOperationException($"metric {metric.Name} gave no value for its row {row.Key}");
            foreach (var (key, curve) in measured.Curves) curves[Key(metric.Name, key)] = curve;
        }
        return new MetricResult(values) { Curves = curves };
    }
}
