using Lethe.Experiments;
using Lethe.Training;
using ScottPlot;

namespace Lethe.Reports.Plots;

/// <summary>
/// How Original and Retrained trained: a curve per epoch of the mean training loss or of the accuracy on the augmented
/// training batches. With several seeds each seed gets its own thin line, so their spread shows.
/// </summary>
internal static class TrainingCurvesPlot
{
    private static readonly string[] BaseModels = ["Original", "Retrained"];

    public static IReadOnlyList<PlotImage> Draw(SeedSummary summary, string directory) =>
    [
        // Loss falls and accuracy rises, so each legend goes where its curves are not.
        DrawOne(summary, directory, "training-loss", "Training loss per epoch", "mean training loss (nats)", e => e.Loss, Alignment.UpperRight),
        DrawOne(summary, directory, "training-accuracy", "Training accuracy per epoch", "accuracy on augmented training batches (fraction)", e => e.Accuracy,
            Alignment.LowerRight),
    ];

    private static PlotImage DrawOne(SeedSummary summary, string directory, string name, string title, string yLabel,
        Func<EpochStats, double> value, Alignment legend)
    {
        var plot = Figure.Create(title, "epoch", yLabel);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        bool several = summary.Runs.Count > 1;
        foreach (var model in BaseModels)
        {
            int column = Column(summary, model);
            var histories = summary.Runs.Select(r => History(r, model)).OfType<IReadOnlyList<EpochStats>>().ToArray();
            for (int s = 0; s < histories.Length; s++)
            {
                var line = plot.Add.ScatterLine(histories[s].Select(e => (double)e.Epoch).ToArray(), histories[s].Select(value).ToArray(),
                    Figure.ColorOf(column));
                line.LineWidth = several ? 1.5f : 2.5f;
                line.MarkerSize = several ? 0 : 6;
                if (s == 0) line.LegendText = model == "Original" ? "Original (forget + retain)" : "Retrained (retain only)";
            }
        }
        plot.ShowLegend(legend);
        var seeds = several ? $"; one line per seed ({summary.Runs.Count} seeds)" : "";
        return Figure.Save(plot, directory, name, title,
            $"{title} of Original and Retrained, on the augmented training batches{seeds}.");
    }

    private static IReadOnlyList<EpochStats>? History(RunRecord run, string model) =>
        run.Models.FirstOrDefault(m => m.Label == model)?.History is { Count: > 0 } history ? history : null;

    private static int Column(SeedSummary summary, string model) => Math.Max(0, summary.Models.ToList().IndexOf(model));
}
