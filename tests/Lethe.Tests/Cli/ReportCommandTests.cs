using Lethe.Tests.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

public class ReportCommandTests
{
    [Fact]
    public void Should_write_the_report_of_a_stored_run_and_say_where()
    {
        using var dir = new TempDirectory();
        HandMadeRun.Write(dir.Path, HandMadeRun.Record(42));
        var console = new TestConsole();

        int code = console.Run("report", dir.Path, "--format", "latex", "--out", Path.Combine(dir.Path, "table.tex"));

        Assert.Equal(0, code);
        Assert.Contains($"wrote {Path.Combine(dir.Path, "table.tex")} (1 seed)", console.Output.ToString());
        Assert.True(File.Exists(Path.Combine(dir.Path, "table.tex")));
    }

    [Fact]
    public void Should_fail_in_one_line_on_a_folder_without_a_run()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();

        Assert.Equal(1, console.Run("report", dir.Path));

        Assert.Single(console.Error.ToString().Trim().Split('\n'));
        Assert.Contains("no results.json", console.Error.ToString());
    }

    [Fact]
    public void Should_list_the_formats_for_an_unknown_one()
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run("report", ".", "--format", "pdf"));
        Assert.Contains("latex", console.Error.ToString());
    }
}
