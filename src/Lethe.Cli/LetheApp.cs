using System.CommandLine;
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

    public static int Run(string[] args, IAnsiConsole console, TextWriter error)
    {
        var root = new RootCommand("Lethe: a machine-unlearning benchmark (MUFAC, MUCAC, built-in SynthFaces) on TorchSharp.");
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

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            error.WriteLine($"lethe: {parsed.Errors[0].Message} (see 'lethe --help')");
            return Usage;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (CliErrors.IsUserError(e))
        {
            error.WriteLine($"lethe: {CliErrors.Describe(e)}");
            var cause = e is AggregateException a ? a.Flatten().InnerExceptions[0] : e;
            return cause is ArgumentException ? Usage : Failed;
        }
    }
}
