namespace Lethe.Evaluation.Metrics;

/// <summary>
/// A curve a metric read its values from (forget accuracy at each relearning step, the scores along the weight line),
/// stored beside its values in the model's evaluation (<see cref="ModelEvaluation.Curves"/>, results.json) so that
/// reports can plot it. Equal to another curve with the same labels and the same numbers.
/// </summary>
/// <param name="Label">What it shows, for captions ("forget accuracy of the model while relearning").</param>
/// <param name="XAxis">The x axis's name and unit.</param>
/// <param name="X">The x values, ascending.</param>
/// <param name="YAxis">The y axis's name and unit.</param>
/// <param name="Y">The value at each x; NaN (null in JSON) where there is none.</param>
public sealed record MetricCurve(string Label, CurveAxis XAxis, IReadOnlyList<double> X, CurveAxis YAxis, IReadOnlyList<double> Y)
{
    public bool Equals(MetricCurve? other) => other is not null && Label == other.Label && XAxis == other.XAxis && YAxis == other.YAxis
        && X.SequenceEqual(other.X) && Y.SequenceEqual(other.Y);

    public override int GetHashCode() => HashCode.Combine(Label, XAxis, YAxis, X.Count);
}

/// <summary>An axis of a <see cref="MetricCurve"/>.</summary>
/// <param name="Label">Its name ("forget accuracy").</param>
/// <param name="Unit">Its unit ("fraction", "nats", "steps"); empty for a pure number.</param>
public sealed record CurveAxis(string Label, string Unit)
{
    /// <summary>Forget accuracy, in [0, 1].</summary>
    public static CurveAxis ForgetAccuracy { get; } = new("forget accuracy", "fraction");

    /// <summary>The axis's title on a plot: "forget accuracy (fraction)", or the name alone without a unit.</summary>
    public string Title() => Unit == "" ? Label : $"{Label} ({Unit})";
}
