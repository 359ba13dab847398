using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Reports.Plots;
using ScottPlot;

namespace Lethe.Reports.Audit;

/// <summary>
/// Each method's forgetting quality F over forget images with its 95% bootstrap interval, beside the null check's F
/// (two halves of the retrained pool: as good as a scorer with this many models can see) and the Original's (pool mode).
/// </summary>
internal static class ForgettingQualityPlot
{
    public static PlotImage Draw(AuditResult result, string directory)
    {
        var rows = result.Methods.Select(m => (m.Label, F: m.Scores.Get(ForgettingQualityMetric.F))).ToList();
        rows.Add(("Original (pool)", result.Original.Scores.Get(ForgettingQualityMetric.F)));
        var plot = Figure.Create($"Forgetting quality F ({result.Mode}, N = {result.N})", "F (1 = as forgotten as retraining)", "");
        // A bar needs its value and whiskers; a missing F (a diverged method, one Original ranked) has no bar.
        var shown = rows.Where(r => r.F is { Value: { } v, Low: not null, High: not null } && double.IsFinite(v))
            .Select(r => (r.Label, Value: r.F.Value!.Value, Low: r.F.Low!.Value, High: r.F.High!.Value)).ToArray();
        for (var k = 0; k < shown.Length; k++)
        {
            var (_, value, low, high) = shown[k];
            var position = shown.Length - 1 - k;
            var bar = plot.Add.Bar(new Bar
            {
                Position = position, Value = value, FillColor = Figure.ColorOf(k).WithAlpha(0.8), Orientation = Orientation.Horizontal,
            });
            var whisker = plot.Add.Line(low, position, high, position);
            whisker.Color = Colors.Black;
            whisker.LineWidth = 2;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            shown.Select((_, k) => (double)(shown.Length - 1 - k)).ToArray(), shown.Select(r => r.Label).ToArray());
        if (result.Null.Scores.Get(ForgettingQualityMetric.F).Value is { } nullF && double.IsFinite(nullF))
        {
            var line = plot.Add.VerticalLine(nullF, 2, Colors.Black, LinePattern.Dashed);
            line.LegendText = $"null check: retrained vs retrained, {result.Null.ModelsPerHalf} a side (F {nullF:F2})";
            plot.ShowLegend(Alignment.LowerRight);
        }
        plot.Axes.SetLimitsX(0, 1.05);
        return Figure.Save(plot, directory, "forgetting-quality", "Forgetting quality F with 95% intervals",
            $"F over the forget images, {result.N} unlearned against {result.N} retrained models; whiskers are 95% bootstrap intervals over images (they do not include the spread from drawing other models). The dashed line is the null check's F with half as many models a side." + AuditFacts.NothingDrawn(result));
    }
}
