using Spectre.Console;

namespace Lethe.Cli.Rendering;

/// <summary>
/// Lines written as they are, past Spectre's wrapping: scripts, commands and paths that a user copies or a log parser
/// reads must not be broken at the console's width (80 columns when piped).
/// </summary>
internal static class PlainLines
{
    public static void PlainLine(this IAnsiConsole console, string line) => console.Profile.Out.Writer.WriteLine(line);

    public static void PlainText(this IAnsiConsole console, string text) => console.Profile.Out.Writer.Write(text);
}
