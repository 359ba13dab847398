using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;
using Lethe.Numerics;

namespace Lethe.Reports.Plots;

/// <summary>
/// The benchmark's trade-off in one picture: test accuracy kept (up is better) against the forgetting score F (left is
/// better), a point per model with 95% whiskers over seeds, Retrained as the target, controls hollow, and dashed lines
/// of equal NoMUS so a reader sees which method scores better without reading the table.
/// </summary>
internal static class TradeOffPlot
{
    private sealed record Point(string Model, int Column, ConfidenceInterval F, ConfidenceInterval Accuracy);

    public static PlotImage Draw(SeedSummary summary, string directory)
    {
        var points = PointsOf(summary);
        double lambda = summary.Runs[0].Spec.Lambda;
        var plot = Figure.Create("Accuracy kept against forgetting", "forgetting score F = |A − 0.5|  (0 = attacker at chance)",
            "test accuracy (fraction correct)");
        var box = Box(points);
        IsoNomusLines.Draw(plot, lambda, box);
        foreach (var point in points) DrawPoint(plot, point, summary.Runs.Count > 1, Stacked(points, point));
        plot.Axes.SetLimits(box.Left, box.Right, box.Bottom, box.Top);
        plot.ShowLegend(Edge.Right);
        var whiskers = summary.Runs.Count > 1 ? $" Whiskers: 95% intervals over {summary.Runs.Count} seeds." : "";
        var controls = points.Any(p => Unlearning.MethodRegistry.IsControlLabel(p.Model)) ? " Hollow squares are controls (--controls), not methods." : "";
        return Figure.Save(plot, directory, "tradeoff", "Trade-off: accuracy against forgetting",
            $"Each model's test accuracy against its forgetting score; Retrained (diamond) is the target. Dashed lines join points of equal NoMUS (λ = {lambda.ToString(CultureInfo.InvariantCulture)}); up and to the left is better.{whiskers}{controls}");
    }

    private static Point[] PointsOf(SeedSummary summary)
    {
        var f = summary.Row(ResultsTable.ForgettingRow);
        var accuracy = summary.Row(ResultsTable.TestAccuracyRow);
        if (f is null || accuracy is null) return [];
        return summary.Models
            .Select((model, i) => (model, i, f: f.Cells[i].Interval, accuracy: accuracy.Cells[i].Interval))
            .Where(p => p.f is not null && p.accuracy is not null)
            .Select(p => new Point(p.model, p.i, p.f!, p.accuracy!))
            .ToArray();
    }

    /// <summary>
    /// How many later models sit on the same spot (methods that barely move Original often tie to four decimals). Each
    /// is drawn smaller than the one before, as concentric rings, so no model hides another.
    /// </summary>
    private static int Stacked(IReadOnlyList<Point> points, Point point) =>
        points.SkipWhile(p => p != point).Skip(1).Count(p => Math.Abs(p.F.Mean - point.F.Mean) < 1e-4 && Math.Abs(p.Accuracy.Mean - point.Accuracy.Mean) < 1e-4);

    private static void DrawPoint(Plot plot, Point point, bool whiskers, int stacked)
    {
        var color = Figure.ColorOf(point.Column);
        var (shape, size, legend) = point.Model switch
        {
            "Retrained" => (MarkerShape.FilledDiamond, 16f, "Retrained (target)"),
            "Original" => (MarkerShape.OpenCircle, 13f, "Original (before unlearning)"),
            // A control is a known answer, not a contender: hollow, so the eye does not rank it with the methods.
            _ when Unlearning.MethodRegistry.IsControlLabel(point.Model) => (MarkerShape.OpenSquare, 12f, point.Model),
            _ => (MarkerShape.FilledCircle, 11f, point.Model),
        };
        size += 7 * stacked;
        if (whiskers && point.F.HalfWidth is { } fx && point.Accuracy.HalfWidth is { } ay)
        {
            var bars = new ErrorBar([point.F.Mean], [point.Accuracy.Mean], [fx], [fx], [ay], [ay]) { Color = color, LineWidth = 1.5f };
            plot.Add.Plottable(bars);
        }
        var marker = plot.Add.Marker(point.F.Mean, point.Accuracy.Mean, shape, size, color);
        marker.LegendText = legend;
        if (point.Model == "Retrained") marker.MarkerLineWidth = 2;
    }

    /// <summary>The data with its whiskers plus a margin; F always from 0, the ideal.</summary>
    private static AxisLimits Box(IReadOnlyList<Point> points)
    {
        if (points.Count == 0) return new AxisLimits(0, 0.5, 0, 1);
        double right = points.Max(p => p.F.Upper ?? p.F.Mean);
        double bottom = points.Min(p => p.Accuracy.Lower ?? p.Accuracy.Mean);
        double top = points.Max(p => p.Accuracy.Upper ?? p.Accuracy.Mean);
        double height = Math.Max(top - bottom, 0.02);
        return new AxisLimits(0, Math.Max(right * 1.15, 0.02), Math.Max(0, bottom - 0.15 * height), Math.Min(1, top + 0.15 * height));
    }
}
