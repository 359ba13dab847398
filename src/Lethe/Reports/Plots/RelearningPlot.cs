using Lethe.Evaluation.Metrics;
using Lethe.Experiments;
using ScottPlot;

namespace Lethe.Reports.Plots;

/// <summary>
/// The relearning test in one picture: each method's forget accuracy while a copy of it is fine-tuned on retain alone,
/// between the Original's curve (the ceiling: what relearning gives back to a model that never forgot) and Retrained's
/// (the floor: a model that never saw forget). A curve that climbs to the Original's had hidden the forget set rather
/// than removed it. One seed (the first): each seed's models differ.
/// </summary>
internal static class RelearningPlot
{
    private const string Title = "Relearning: forget accuracy vs steps";

    public static OptionalFigures Draw(SeedSummary summary, RunRecord run, string directory)
    {
        const string metric = RelearningMetric.MetricName;
        var methods = StoredCurves.OfMethods(summary, run, metric, RelearningMetric.ModelCurve);
        // Every model's row carries the references it was judged against; they are the same curves in every row.
        var original = StoredCurves.First(run, metric, RelearningMetric.OriginalCurve);
        var retrained = StoredCurves.First(run, metric, RelearningMetric.RetrainedCurve);
        var axes = methods.Select(m => m.Curve).FirstOrDefault() ?? original ?? retrained;
        if (axes is null) return OptionalFigures.None($"No relearning figure: {StoredCurves.WhyNone(run, metric, "forget")}.");

        var plot = Figure.Create(Title, axes.XAxis.Title(), axes.YAxis.Title());
        // The references first, so that a method on top of one still shows.
        if (original is not null) Reference(plot, original, Colors.Black, "Original (ceiling)");
        if (retrained is not null) Reference(plot, retrained, Colors.Gray, "Retrained (floor)");
        foreach (var (model, column, curve) in methods) StoredCurves.Line(plot, curve, Figure.ColorOf(column), model.Label);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Edge.Right);
        return OptionalFigures.Drawn(Figure.Save(plot, directory, "relearning", Title,
            $"Forget accuracy of each model while a copy of it is fine-tuned on retain alone (seed {run.Spec.SweepSeed}), with the Original's curve (ceiling) and Retrained's (floor) dashed. A method whose curve climbs to the Original's had hidden the forget set rather than removed it."));
    }

    /// <summary>A base model's curve: thick, dashed, without markers, so it reads as a bound rather than a method.</summary>
    private static void Reference(Plot plot, MetricCurve curve, Color color, string legend)
    {
        var line = StoredCurves.Line(plot, curve, color, legend);
        line.LineWidth = 3.5f;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
    }
}
