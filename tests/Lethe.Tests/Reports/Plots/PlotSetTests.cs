using System.Xml.Linq;
using Lethe.Reports;
using Lethe.Reports.Plots;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports.Plots;

public class PlotSetTests
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Should_write_every_figure_as_a_valid_png_and_svg()
    {
        using var dir = new TempDirectory();
        foreach (var record in HandMadeRun.Records())
            HandMadeRun.Write(Path.Combine(dir.Path, $"seed-{record.Spec.Seed}"), record);
        var runs = RunFolder.Read(dir.Path);

        var plots = PlotSet.Write(SeedSummary.From(runs.Select(r => r.Record).ToArray()), runs, Path.Combine(dir.Path, "plots"));

        Assert.Equal(["tradeoff", "cost", "training-loss", "training-accuracy", "losses-original", "losses-retrained", "losses-fine-tuning", "losses-scrub"],
            plots.All.Select(p => p.Name));
        foreach (var plot in plots.All)
        {
            Assert.Equal(PngMagic, File.ReadAllBytes(plot.PngPath).Take(8));
            Assert.Equal(File.ReadAllBytes(plot.PngPath), plot.Png);
            Assert.Equal("svg", XDocument.Load(plot.SvgPath).Root!.Name.LocalName);
        }
    }

    [Fact]
    public void Should_draw_a_run_without_stored_losses_without_histograms()
    {
        using var dir = new TempDirectory();
        var record = HandMadeRun.Record(42);
        var run = new StoredRun(dir.Path, record, new Dictionary<string, IReadOnlyDictionary<string, float[]>>());

        var plots = PlotSet.Write(SeedSummary.From([record]), [run], Path.Combine(dir.Path, "plots"));

        Assert.Empty(plots.Losses);
        Assert.True(File.Exists(plots.TradeOff.SvgPath));
    }
}
