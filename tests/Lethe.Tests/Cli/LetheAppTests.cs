using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

public class LetheAppTests
{
    [Fact]
    public void An_unknown_option_is_one_line_on_stderr_and_exit_code_2()
    {
        var console = new TestConsole();
        int code = console.Run("benchmark", "--no-such-option");
        Assert.Equal(2, code);
        var lines = console.Error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("--no-such-option", lines[0]);
    }

    [Fact]
    public void An_unknown_preset_lists_the_valid_ones()
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run("benchmark", "--preset", "huge"));
        Assert.Contains("quick", console.Error.ToString());
    }

    [Fact]
    public void A_bad_value_from_the_library_is_one_line_and_exit_code_2()
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run("benchmark", "--lambda", "1.5", "--methods", "none"));
        Assert.Contains("lambda", console.Error.ToString());
        Assert.DoesNotContain("   at ", console.Error.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("benchmark", "--help")]
    [InlineData("synth", "export", "--help")]
    [InlineData("import", "--help")]
    [InlineData("export", "--help")]
    [InlineData("report", "--help")]
    [InlineData("datasets", "check", "--help")]
    public void Every_command_has_help(params string[] args)
    {
        var console = new TestConsole();
        Assert.Equal(0, console.Run(args));
    }
}
