using Spectre.Console;

namespace Lethe.Tests.Support;

/// <summary>A non-interactive, colourless console that records what the CLI prints.</summary>
public sealed class TestConsole
{
    public TestConsole() => Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Output),
    });

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public IAnsiConsole Console { get; }

    public int Run(params string[] args) => Lethe.Cli.LetheApp.Run(args, Console, Error);
}
