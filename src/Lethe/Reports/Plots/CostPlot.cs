using System.Globalization;
using ScottPlot;
using Lethe.Numerics;

namespace Lethe.Reports.Plots;

/// <summary>
/// What unlearning saves: the wall time of each method beside Retrained's, the cost it is meant to avoid. Original is
/// left out, since every method starts from it and its cost is paid either way.
/// </summary>
internal static class CostPlot
{
    public static PlotImage Draw(SeedSummary summary, string directory)
    {
        var time = summary.Row(ResultsTable.TimeRow);
        var speedUp = summary.Row(ResultsTable.SpeedUpRow);
        var shown = summary.Models.Select((model, column) => (model, column, time: time?.Cells[column].Interval))
            .Where(m => m.model != "Original" && m.time is not null)
            .ToArray();
        var plot = Figure.Create("Cost: wall time per model", "wall time to make the model (s)", "");
        var bars = shown.Select((m, k) => new Bar
        {
            // The first model on top, as in the table's column order.
            Position = shown.Length - 1 - k,
            Value = m.time!.Mean,
            Error = m.time.HalfWidth ?? 0,
            FillColor = Figure.ColorOf(m.column),
            Orientation = Orientation.Horizontal,
        }).ToArray();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        // Labels are placed past each bar's whisker by hand: the bar's own label would sit on the whisker.
        double right = shown.Select(m => m.time!.Upper ?? m.time!.Mean).DefaultIfEmpty(1).Max() * 1.45;
        foreach (var (m, bar) in shown.Zip(bars))
        {
            var text = plot.Add.Text(Label(m.time!, speedUp?.Cells[m.column].Interval, m.model), (m.time!.Upper ?? m.time.Mean) + 0.01 * right, bar.Position);
            text.LabelFontSize = 13;
            text.LabelAlignment = Alignment.MiddleLeft;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            bars.Select(b => b.Position).ToArray(), shown.Select(m => m.model).ToArray());
        if (shown.FirstOrDefault(m => m.model == "Retrained").time is { } retrained)
        {
            var line = plot.Add.VerticalLine(retrained.Mean, 1.5f, Colors.Black, LinePattern.Dashed);
            line.LegendText = "Retrained (the cost to avoid)";
        }
        plot.Axes.SetLimitsX(0, right);
        plot.ShowLegend(Alignment.LowerRight);
        return Figure.Save(plot, directory, "cost", "Cost: wall time against Retrained",
            "Wall time to make each model (training for Retrained, unlearning for the methods; evaluation excluded), with its speed-up over Retrained. UNSIR Stage 2's time includes Stage 1.");
    }

    private static string Label(ConfidenceInterval time, ConfidenceInterval? speedUp, string model)
    {
        var seconds = time.Mean.ToString("F1", CultureInfo.InvariantCulture) + " s";
        return model == "Retrained" || speedUp is null ? seconds : $"{seconds}, {speedUp.Mean.ToString("F1", CultureInfo.InvariantCulture)}× faster";
    }
}
