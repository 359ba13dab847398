namespace Lethe.Evaluation.Metrics;

/// <summary>
/// A per-model metric: one file and one line in <see cref="MetricRegistry"/>. It sees the model, the evaluation sets,
/// the standard pass's results, and the Original and a Retrained model when the run has them
/// (<see cref="MetricContext"/>). Its values are stored under its name in the model's evaluation (results.json) and every
/// report shows them as table rows, with no code of its own in the writers. A metric that reads its values off curves
/// may give the curves too (<see cref="MeasureWithCurves"/>), stored beside the values for plots.
/// </summary>
public interface IModelMetric
{
    /// <summary>The key its values are stored under ("weight-distance"): lower case, stable across versions.</summary>
    string Name { get; }

    /// <summary>The table rows it fills, in order.</summary>
    IReadOnlyList<MetricRow> Rows { get; }

    /// <summary>One value per row key. A value that does not exist (no Retrained to compare with, non-finite outputs)
    /// is <see cref="MetricValue.None"/> with the reason, never a stand-in number.</summary>
    IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context);

    /// <summary>The values with the curves they were read from, which <see cref="MetricRegistry.MeasureAll"/> stores.
    /// Default: <see cref="Measure"/>'s values and no curve; a metric with curves implements this and answers
    /// <see cref="Measure"/> from it, so both give the same values from one measurement.</summary>
    MetricResult MeasureWithCurves(MetricContext context) => new(Measure(context));
}

/// <summary>One table row of a metric.</summary>
/// <param name="Key">Unique within the metric ("forget-js").</param>
/// <param name="Label">The row's name in reports ("Forget JS vs Retrained").</param>
/// <param name="Format">.NET numeric format of the value ("F4").</param>
public sealed record MetricRow(string Key, string Label, string Format = "F4");

/// <summary>A metric's value, or why it has none.</summary>
/// <param name="Value">The number; null when it does not exist.</param>
/// <param name="Missing">Why there is no number; null when there is one.</param>
public sealed record MetricValue(double? Value, string? Missing = null)
{
    public static MetricValue Of(double value) =>
        double.IsFinite(value) ? new(value) : new(null, "not finite");

    public static MetricValue None(string why) => new(null, why);
}
