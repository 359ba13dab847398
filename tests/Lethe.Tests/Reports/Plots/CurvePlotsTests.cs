using System.Net;
using Lethe.Evaluation.Metrics;
using Lethe.Experiments;
using Lethe.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports.Plots;

/// <summary>The relearning and weight-line figures: drawn from the curves a run stored, shown in report.html and report.md,
/// and replaced by one line saying why when the run has none (made-up curves; nothing is trained).</summary>
public class CurvePlotsTests
{
    private static readonly string[] Figures = ["relearning", "weight-line-forget", "weight-line-retain"];

    /// <summary>`lethe report` of the stored run in <paramref name="directory"/>, in HTML and Markdown.</summary>
    private static (string Html, string Markdown) Report(string directory, RunRecord record)
    {
        HandMadeRun.Write(directory, record);
        ReportFiles.Write(SummaryReport.Read(directory), directory, [ReportFiles.Html, ReportFiles.Markdown]);
        return (WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(directory, "report.html"))), File.ReadAllText(Path.Combine(directory, "report.md")));
    }

    [Fact]
    public void Should_draw_the_relearning_and_weight_line_figures_of_a_run_with_curves_and_show_them_in_both_reports()
    {
        using var dir = new TempDirectory();

        var (html, markdown) = Report(dir.Path, HandMadeRun.WithCurves(HandMadeRun.Record(42)));

        foreach (var name in Figures)
        {
            Assert.True(File.Exists(Path.Combine(dir.Path, "plots", name + ".png")), name);
            Assert.True(File.Exists(Path.Combine(dir.Path, "plots", name + ".svg")), name);
            Assert.Contains($"](plots/{name}.png)", markdown);
        }
        Assert.Contains("alt=\"Relearning: forget accuracy vs steps\"", html);
        Assert.Contains("alt=\"Weight line θ_O → θ_U: forget accuracy\"", html);
        Assert.Contains("alt=\"Weight line θ_O → θ_U: retain loss\"", html);
        Assert.DoesNotContain("No relearning figure", markdown + html);
    }

    [Fact]
    public void Should_draw_neither_figure_of_a_run_without_relearning_and_say_why_in_one_line()
    {
        using var dir = new TempDirectory();
        var record = HandMadeRun.Record(42);
        var skipped = MetricValue.None("skipped (--no-relearn)");
        var keys = MetricRegistry.All.Where(m => m is RelearningMetric or WeightLine).SelectMany(m => m.Rows.Select(r => MetricRegistry.Key(m, r)));
        record = record with
        {
            Models = [.. record.Models.Select(m => m with { Evaluation = m.Evaluation with { Metrics = keys.ToDictionary(k => k, _ => skipped) } })],
        };

        var (html, markdown) = Report(dir.Path, record);

        Assert.All(Figures, name => Assert.False(File.Exists(Path.Combine(dir.Path, "plots", name + ".png")), name));
        foreach (var line in new[] { "No relearning figure: skipped (--no-relearn).", "No weight-line figure: skipped (--no-relearn)." })
        {
            Assert.Contains("\n" + line + "\n", markdown.ReplaceLineEndings("\n"));
            Assert.Contains($"<p class=\"note\">{line}</p>", html);
        }
    }
}
