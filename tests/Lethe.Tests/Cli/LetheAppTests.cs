using System.CommandLine;
using Lethe.Cli;
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

    // The usage lines must name the command users type (the tool's command, lethe), not the file that started the
    // process: System.CommandLine's RootCommand takes the entry assembly's name, which here would be the test host's,
    // under the apphost Lethe.Cli.
    [Theory]
    [InlineData(new[] { "--help" }, "lethe [command] [options]")]
    [InlineData(new[] { "benchmark", "--help" }, "lethe benchmark [options]")]
    [InlineData(new[] { "plan", "show", "--help" }, "lethe plan show <PLAN> [options]")]
    public void The_usage_line_names_the_command_lethe(string[] args, string usage)
    {
        var console = new TestConsole();
        var help = new StringWriter();
        int code = LetheApp.CreateRoot(console.Console, console.Error).Parse(args).Invoke(new InvocationConfiguration { Output = help });
        Assert.Equal(0, code);
        var lines = help.ToString().Split('\n').Select(l => l.Trim()).ToList();
        Assert.Equal(usage, lines[lines.IndexOf("Usage:") + 1]);
    }

    [Fact]
    public void The_root_still_has_version_as_a_RootCommand_would()
    {
        var console = new TestConsole();
        var output = new StringWriter();
        Assert.Equal(0, LetheApp.CreateRoot(console.Console, console.Error).Parse(["--version"]).Invoke(new InvocationConfiguration { Output = output }));
        Assert.Matches(@"^\d+\.\d+\.\d+", output.ToString().Trim());
    }
}
