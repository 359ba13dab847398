using System.CommandLine;
using System.CommandLine.Help;
using Lethe.Cli.Commands;
using Spectre.Console;

namespace Lethe.Cli;

/// <summary>
/// The `lethe` command: parses, hands a spec to the library, renders what comes back. Exit codes: 0 success,
/// 1 a failure in the data or the run, 2 a bad command line.
/// </summary>
public static class LetheApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>The name every usage line and error message shows, whatever file started the process.</summary>
    public const string CommandName = "lethe";

    public static int Run(string[] args, IAnsiConsole console, TextWriter error)
    {
        var parsed = CreateRoot(console, error).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"{CommandName}: {UsageErrors.Describe(parsed)}");
            return Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (CliErrors.IsUserError(e))
        {
            error.WriteLine($"{CommandName}: {CliErrors.Describe(e)}");
            var cause = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
            return cause is ArgumentException ? Usage : Failed;
        }
    }

    /// <summary>
    /// The command tree. Not a <see cref="RootCommand"/>: that one is named after the entry assembly (Lethe.Cli.dll,
    /// which cannot be called lethe.dll beside the library's Lethe.dll, as .NET compares assembly names ignoring case),
    /// so its help would say "Lethe.Cli" under `dotnet run`, the apphost and the tool alike. The same options it adds:
    /// help on every command, --version on the root.
    /// </summary>
    internal static Command CreateRoot(IAnsiConsole console, TextWriter error)
    {
        var root = new Command(CommandName, "Lethe: a machine-unlearning benchmark (MUFAC, MUCAC, built-in SynthFaces) on TorchSharp.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(BenchmarkCommand.Create(console, error));
        root.Subcommands.Add(EvaluateCommand.Create(console, error));
        root.Subcommands.Add(AuditCommand.Create(console));
        root.Subcommands.Add(SynthCommand.Create(console, error));
        root.Subcommands.Add(DatasetsCommand.Create(console, error));
        root.Subcommands.Add(ImportCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(PlanCommand.Create(console));
        root.Subcommands.Add(RunCellCommand.Create(console));
        root.Subcommands.Add(SubmitCommand.Create(console));
        root.Subcommands.Add(CollectCommand.Create(console));
        return root;
    }
}
