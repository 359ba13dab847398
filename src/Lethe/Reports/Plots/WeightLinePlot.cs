using Lethe.Evaluation.Metrics;
using Lethe.Experiments;
using ScottPlot;

namespace Lethe.Reports.Plots;

/// <summary>
/// The weight line from the Original to each method's model, θ(α) = (1−α)·θ_O + α·θ_U: forget accuracy against α, and
/// the retain loss in a second figure (its bump above the straight line between the ends is the table's loss barrier).
/// One seed (the first).
/// </summary>
internal static class WeightLinePlot
{
    public static OptionalFigures Draw(SeedSummary summary, RunRecord run, string directory)
    {
        const string metric = WeightLine.MetricName;
        var images = new[]
            {
                DrawOne(summary, run, directory, WeightLine.ForgetCurve, "weight-line-forget", "Weight line θ_O → θ_U: forget accuracy",
                    $"Forget accuracy along the straight line in weight space from the Original (α = 0) to each method's model (α = 1), parameters and BatchNorm statistics interpolated, on at most {WeightLine.MaxImages} forget images (seed {run.Spec.SweepSeed})."),
                DrawOne(summary, run, directory, WeightLine.RetainLossCurve, "weight-line-retain", "Weight line θ_O → θ_U: retain loss",
                    $"Mean retain loss along the same line (seed {run.Spec.SweepSeed}); its largest rise above the straight line between its ends is the table's retain loss barrier, near 0 when the model is still in the Original's basin."),
            }
            .OfType<PlotImage>().ToArray();
        return images.Length > 0 ? OptionalFigures.Drawn(images)
            : OptionalFigures.None($"No weight-line figure: {StoredCurves.WhyNone(run, metric, "forget-mid")}.");
    }

    private static PlotImage? DrawOne(SeedSummary summary, RunRecord run, string directory, string curve, string name, string title, string caption)
    {
        var methods = StoredCurves.OfMethods(summary, run, WeightLine.MetricName, curve);
        if (methods.Length == 0) return null;
        var plot = Figure.Create(title, methods[0].Curve.XAxis.Title(), methods[0].Curve.YAxis.Title());
        foreach (var (model, column, line) in methods) StoredCurves.Line(plot, line, Figure.ColorOf(column), model.Label);
        plot.Axes.SetLimitsX(-0.02, 1.02); // the end points whole, not cut by the frame
        plot.ShowLegend(Edge.Right);
        return Figure.Save(plot, directory, name, title, caption);
    }
}
