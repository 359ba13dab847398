using Lethe.Evaluation.Metrics;
using Lethe.Experiments;
using ScottPlot;

namespace Lethe.Reports.Plots;

/// <summary>The metrics' curves of a run (<see cref="Evaluation.ModelEvaluation.Curves"/>) as figures read them: a
/// model's curve, why no model has one, and a curve as a line.</summary>
internal static class StoredCurves
{
    /// <summary>The curve <paramref name="curve"/> of <paramref name="metric"/> that <paramref name="model"/> stored, or null.</summary>
    public static MetricCurve? Of(ModelResult model, string metric, string curve) =>
        model.Evaluation.Curves?.GetValueOrDefault(MetricRegistry.Key(metric, curve));

    /// <summary>The first curve of that name in the run's order, or null: for a reference's curve, which every row that
    /// carries it carries the same.</summary>
    public static MetricCurve? First(RunRecord run, string metric, string curve) =>
        run.Models.Select(m => Of(m, metric, curve)).FirstOrDefault(c => c is not null);

    /// <summary>The methods' curves, in the run's order, each with its model's column in <paramref name="summary"/>.</summary>
    public static (ModelResult Model, int Column, MetricCurve Curve)[] OfMethods(SeedSummary summary, RunRecord run, string metric, string curve) =>
        run.Models.Where(m => m.Role == CellRole.Unlearned)
            .Select(m => (Model: m, Column: Math.Max(0, summary.Models.ToList().IndexOf(m.Label)), Curve: Of(m, metric, curve)))
            .Where(c => c.Curve is not null)
            .Select(c => (c.Model, c.Column, c.Curve!))
            .ToArray();

    /// <summary>
    /// Why no model has the curve: the reason the metric's <paramref name="row"/> has no value, a method's first (a base
    /// model may lack it only for being a base model), or, when every row has a value, that the run predates stored curves.
    /// </summary>
    public static string WhyNone(RunRecord run, string metric, string row) =>
        run.Models.OrderBy(m => m.IsBase).Select(m => m.Evaluation.Metrics.GetValueOrDefault(MetricRegistry.Key(metric, row))?.Missing)
            .FirstOrDefault(why => why is not null)
        ?? "no model of this run stored the curve (a run made before Lethe stored curves)";

    /// <summary>Draws <paramref name="curve"/> as a line with a marker at each point.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, MetricCurve curve, Color color, string legend)
    {
        var line = plot.Add.ScatterLine(curve.X.ToArray(), curve.Y.ToArray(), color);
        line.LineWidth = 2;
        line.MarkerSize = 5;
        line.LegendText = legend;
        return line;
    }
}
