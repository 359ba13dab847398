using System.Globalization;
using Lethe.Experiments;
using ScottPlot;
using Lethe.Numerics;

namespace Lethe.Reports.Plots;

/// <summary>
/// What the membership-inference attack sees for one model: the distribution of per-sample losses on forget, unseen
/// and test. Forget losses below unseen ones are what lets the attacker tell members from strangers; a model that has
/// forgotten shows the forget curve on top of the unseen one.
/// </summary>
internal static class LossHistogramPlot
{
    /// <summary>About √n bins for the smallest set: enough to show the shape, few enough that each bin holds several samples.</summary>
    private static int BinsFor(int smallestSet) => Math.Clamp((int)Math.Round(Math.Sqrt(smallestSet)), 8, 40);

    private const double ClipQuantile = 0.99;

    private static readonly (string Set, string Legend, Color Color, LinePattern Pattern)[] Sets =
    [
        ("forget", "forget (members)", Colors.Crimson, LinePattern.Solid),
        ("unseen", "unseen (non-members)", Colors.RoyalBlue, LinePattern.Solid),
        ("test", "test", Colors.Gray, LinePattern.Dashed),
    ];

    /// <summary>
    /// The right end of the loss axis, shared by every model's figure so they compare at a glance: the 99th percentile
    /// of all their losses, since a few huge losses would otherwise squash the rest into one bar.
    /// </summary>
    public static double AxisEnd(IEnumerable<float[]> losses)
    {
        var all = losses.SelectMany(v => v).Where(float.IsFinite).Order().ToArray();
        return all.Length == 0 ? 1 : Math.Max(all[(int)Math.Floor(ClipQuantile * (all.Length - 1))], 1e-6);
    }

    /// <summary>The figure of one model; its caption states A with the sets it was measured on.</summary>
    public static PlotImage Draw(ModelResult model, IReadOnlyDictionary<string, float[]> losses, string lossName,
        long seed, double top, string directory)
    {
        var label = model.Label;
        var present = Sets.Where(s => losses.TryGetValue(s.Set, out var v) && v.Any(float.IsFinite)).ToArray();
        int bins = BinsFor(present.Select(s => losses[s.Set].Length).DefaultIfEmpty(0).Min());
        double width = top / bins;
        double highest = 0;

        var title = $"{label}: per-sample loss, A = {(model.Diverged ? "–" : NumberText.Of(model.Evaluation.AttackAccuracy, "F3"))}";
        var plot = Figure.Create(title, $"{lossName} (nats; last bin holds everything above {top.ToString("F2", CultureInfo.InvariantCulture)})", "share of the set's samples");
        foreach (var (set, legend, color, pattern) in present)
        {
            var shares = Shares(losses[set], bins, width);
            highest = Math.Max(highest, shares.Max());
            var line = plot.Add.ScatterLine(Enumerable.Range(0, bins).Select(b => (b + 0.5) * width).ToArray(), shares, color);
            line.LineWidth = 2.5f;
            line.LinePattern = pattern;
            line.LegendText = $"{legend}, n = {losses[set].Length}";
        }
        plot.Axes.SetLimits(0, top, 0, Math.Max(0.05, highest * 1.15));
        plot.ShowLegend(Alignment.UpperRight);
        var name = "losses-" + Experiments.RunStore.Slug(label);
        return Figure.Save(plot, directory, name, $"{label}: what the attack sees",
            $"Per-sample loss of {label} on forget, unseen and test (seed {seed}); {AttackNote.Caption(model)}.");
    }

    /// <summary>The share of samples per bin (so sets of different sizes compare), the last bin taking everything above.</summary>
    private static double[] Shares(float[] values, int bins, double width)
    {
        var counts = new double[bins];
        var finite = values.Where(float.IsFinite).ToArray();
        foreach (var v in finite)
            counts[Math.Clamp((int)(v / width), 0, bins - 1)]++;
        return counts.Select(c => finite.Length == 0 ? 0 : c / finite.Length).ToArray();
    }
}
