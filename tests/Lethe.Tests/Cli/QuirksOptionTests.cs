using Lethe.Cli.Rendering;
using Lethe.Experiments;
using Lethe.Tests.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

public class QuirksOptionTests
{
    [Fact]
    public void The_quirks_in_force_are_printed_under_the_table()
    {
        var quirk = ReferenceQuirk.BatchNormEval;
        var run = HandMadeRun.Record(42) with { Quirks = [new(quirk.Key, quirk.Description, ["Fine-tuning"])] };
        var console = new TestConsole();

        TablePrinter.Print(console.Console, run);

        // The console wraps long lines: compare with the whitespace folded.
        var output = System.Text.RegularExpressions.Regex.Replace(console.Output.ToString(), @"\s+", " ");
        Assert.Contains("Reference quirks: BatchNorm in evaluation mode while unlearning (running statistics frozen), as the reference's "
            + "MUFAC notebooks ran: Fine-tuning", output);
    }

    [Fact]
    public void Quirks_and_no_quirks_together_is_a_usage_error()
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run("benchmark", "--quirks", "--no-quirks", "--methods", "none"));
        Assert.Equal("lethe: --quirks and --no-quirks cannot be used together", console.Error.ToString().Trim());
    }
}
