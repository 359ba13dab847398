using Lethe.Experiments;
using Lethe.Reports.Plots;
using ScottPlot;

namespace Lethe.Reports.People;

/// <summary>
/// Every person's effect under every model, side by side: a column per model, a dot per forget person (filled red when
/// exposed at q ≤ α) and, just right of it, a grey dot per unseen person, the control nobody trained on. A model that
/// forgot its people looks like its own unseen column and like Retrained's.
/// </summary>
internal static class PeoplePlot
{
    public static PlotImage Draw(IReadOnlyList<ModelResult> models, string directory)
    {
        var plot = Figure.Create("Each person against the pool", "", "effect (pool SDs above the pool)");
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dotted);
        for (int column = 0; column < models.Count; column++)
        {
            var people = models[column].People!;
            Dots(plot, column - 0.12, people.Unseen.Where(p => !p.Exposed), Colors.Gray.WithAlpha(0.6), MarkerShape.OpenCircle, 5,
                column == 0 ? "unseen person (control)" : null, 0.06);
            Dots(plot, column - 0.12, people.Unseen.Where(p => p.Exposed), Colors.Gray, MarkerShape.FilledDiamond, 8,
                column == 0 ? "unseen person flagged" : null, 0.06);
            Dots(plot, column + 0.12, people.Forget.Where(p => !p.Exposed), Figure.ColorOf(column).WithAlpha(0.7), MarkerShape.FilledCircle, 6,
                column == 0 ? "forget person, not shown exposed" : null, 0.08);
            Dots(plot, column + 0.12, people.Forget.Where(p => p.Exposed), Colors.Red, MarkerShape.FilledDiamond, 9,
                column == 0 ? "forget person exposed (q ≤ 0.05)" : null, 0.08);
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, models.Count).Select(i => (double)i).ToArray(), models.Select(m => m.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.SetLimitsX(-0.6, models.Count - 0.4);
        plot.ShowLegend(Edge.Bottom);
        var k = models.Max(m => m.People!.PoolSize);
        return Figure.Save(plot, directory, "people", "Each person against the pool",
            $"Per model: left, the unseen people (grey, the control); right, the forget people, red when exposed at q ≤ 0.05. "
            + $"The effect is how far the model's φ on a person's photos sits above {k} Retrained models' (in their standard deviations); "
            + "the verdict also takes out the model's own shift on unseen people, so a high column that its unseen people share is no exposure.");
    }

    /// <summary>Dots spread across a narrow band by a fixed pattern (no random jitter: the figure is the same every time).</summary>
    private static void Dots(Plot plot, double x, IEnumerable<PersonFinding> people, Color color, MarkerShape shape, float size, string? legend,
        double halfWidth)
    {
        var ys = people.Select(p => p.Effect).Where(double.IsFinite).ToArray();
        if (ys.Length == 0) return;
        var xs = ys.Select((_, i) => x + halfWidth * (((i * 0.618034) % 1.0) * 2 - 1)).ToArray();
        var dots = plot.Add.ScatterPoints(xs, ys, color);
        dots.MarkerShape = shape;
        dots.MarkerSize = size;
        if (legend is not null) dots.LegendText = legend;
    }
}
