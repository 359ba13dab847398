namespace Lethe.Reports.Plots;

/// <summary>
/// Every figure of a report, written as PNG and SVG into one folder: the trade-off, the cost, the relearning curves and
/// the weight line (when the run stored them), the training curves, and the loss histograms the attack sees (of the
/// first seed; each seed's models differ, so pooling them would blur).
/// </summary>
public sealed record PlotSet(PlotImage TradeOff, PlotImage Cost, OptionalFigures Relearning, OptionalFigures WeightLine,
    IReadOnlyList<PlotImage> Training, IReadOnlyList<PlotImage> Losses) : ReportFigures
{
    /// <summary>The folder of a run directory the figures go to.</summary>
    public const string Folder = "plots";

    public override IEnumerable<PlotImage> All =>
        new[] { TradeOff, Cost }.Concat(Relearning.Images).Concat(WeightLine.Images).Concat(Training).Concat(Losses);

    /// <summary>One line for each figure the run has no data for, saying why.</summary>
    public IEnumerable<string> NotDrawn => new[] { Relearning.NotDrawn, WeightLine.NotDrawn }.OfType<string>();

    public static PlotSet Write(SeedSummary summary, IReadOnlyList<StoredRun> runs, string directory)
    {
        Directory.CreateDirectory(directory);
        return new PlotSet(TradeOffPlot.Draw(summary, directory), CostPlot.Draw(summary, directory),
            RelearningPlot.Draw(summary, runs[0].Record, directory), WeightLinePlot.Draw(summary, runs[0].Record, directory),
            TrainingCurvesPlot.Draw(summary, directory), LossHistograms(runs[0], directory));
    }

    private static IReadOnlyList<PlotImage> LossHistograms(StoredRun run, string directory)
    {
        // Multi-label tasks score each sample by its mean binary cross-entropy over the labels (the reference's
        // multi-label compute_losses()).
        bool multiLabel = run.Record.Models.FirstOrDefault()?.Evaluation.TestAttributeAccuracy.Count > 1;
        var lossName = multiLabel ? "per-sample loss: mean BCE over the labels" : "per-sample loss: cross-entropy";
        double top = LossHistogramPlot.AxisEnd(run.Losses.Values.SelectMany(sets => sets.Values));
        return run.Record.Models
            .Where(m => run.Losses.ContainsKey(m.Label))
            .Select(m => LossHistogramPlot.Draw(m, run.Losses[m.Label], lossName, run.Record.Spec.SweepSeed, top, directory))
            .ToArray();
    }
}
