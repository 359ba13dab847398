using Lethe.Cli.Rendering;
using Lethe.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports;

public class AttackWarningsTests
{
    // SCRUB diverged in seed 42, so its SD (0.225) is left out: the three others are 0.150, 0.175 and 0.200.
    private const string Warning = "The attack compares only 14 images per side (fewer than 100): the standard deviation of its "
        + "10 fold accuracies, 0.150–0.200 across models, may exceed the differences between methods.";

    private static Lethe.Experiments.RunRecord Small => HandMadeRun.SmallForgetSet(HandMadeRun.Record(42));

    [Fact]
    public void Should_warn_with_the_measured_fold_spread_when_a_side_is_under_100()
    {
        Assert.Equal([Warning], AttackWarnings.Of([Small]));
        Assert.Empty(AttackWarnings.Of([HandMadeRun.Record(42)]));
    }

    [Fact]
    public void Should_print_the_warning_in_every_report_format_and_the_console_table()
    {
        var summary = SeedSummary.From([Small]);
        var console = new TestConsole();
        TablePrinter.Print(console.Console, Small);

        Assert.Contains($"- **Warning: {Warning}**", new MarkdownReport().Render(Small));
        Assert.Contains($"- **Warning: {Warning}**", new SummaryMarkdown().Render(summary));
        Assert.Contains($"<p class=\"warning\">Warning: {System.Net.WebUtility.HtmlEncode(Warning)}</p>", new HtmlReport().Render(summary));
        Assert.Contains($"% Warning: {Warning}", new LatexTable().Render(summary));
        Assert.Contains("Warning: The attack compares only 14 images per side", console.Output.ToString());
        Assert.Contains("Attack: 14 forget vs 14 unseen losses per model", console.Output.ToString());
    }
}
