using System.CommandLine;
using Lethe.Cli.Rendering;
using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Reports;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe benchmark`: train or load Original and Retrained, run the methods, evaluate, print and save the table.</summary>
internal static class BenchmarkCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var options = new SpecOptions();
        var original = OriginalOption.Create();
        var pool = PoolOption.Create();
        var overwrite = OverwriteOption.Create();
        var controls = ControlsOption.Create();
        var output = new Option<string?>("--out") { Description = "Output folder for results.{json,csv,md} (default runs/<dataset>-<task>-<preset>)" };
        var store = new Option<string?>("--store") { Description = "Results store of the run's cells, shared with `lethe plan` and `lethe audit` (default <cache>/cells)" };
        var sweepOptions = new SweepOptions();

        var command = new Command("benchmark", "Run the unlearning benchmark and print the results table.") { original, pool, output, store, overwrite, controls };
        sweepOptions.AddTo(command);
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var spec = ControlsOption.Apply(parsed, controls,
                options.Spec(parsed) with { OriginalFile = OriginalOption.Get(parsed, original), Pool = PoolOption.Get(parsed, pool) });
            spec = spec with { OutputDirectory = parsed.GetValue(output) ?? Path.Combine("runs", SpecOptions.RunName(spec)) };
            OutputPaths.RunFolders(spec);
            var cells = OutputPaths.Store(parsed.GetValue(store), spec);
            var verbosity = options.Verbosity(parsed);
            var commandLine = "lethe " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            // The output folder is this run's before any work (and after a given Original is found to fit, so a refused run
            // leaves nothing): another run's results there are refused (or, with --overwrite, replaced), the same run's
            // resumed; of two runs started together only one gets it. A sweep claims its folders once, before its first run.
            var sweepOfRun = sweepOptions.Sweep(parsed, spec.Seed);
            var claimed = false;
            IReadOnlyList<string> Claim()
            {
                if (claimed) return [];
                claimed = true;
                return RunFolderClaim.Take(spec, sweepOfRun, commandLine, parsed.GetValue(overwrite));
            }
            RunRecord RunOne(ExperimentSpec one)
            {
                var run = RunRenderer.Run(console, observer => new BenchmarkRunner(observer).Run(one, commandLine, store: cells, claimOutput: Claim), verbosity);
                var files = ReportFiles.WriteRun(run);
                TablePrinter.Print(console, run);
                console.MarkupLine($"[grey]wrote {string.Join(", ", files.Select(f => Markup.Escape(f)))}[/]");
                return run;
            }
            if (sweepOfRun is not { } sweep)
            {
                RunOne(spec);
                return LetheApp.Ok;
            }
            // The sweep's own report: every cell as mean ± 95% CI over the seeds' runs just made.
            var summary = SummaryReport.Of(sweep.Run(spec, RunOne), spec.OutputDirectory);
            var written = ReportFiles.Write(summary, spec.OutputDirectory);
            console.WriteLine(SummaryMarkdown.Head(summary.Summary).Trim());
            console.MarkupLine($"[grey]wrote {string.Join(", ", written.Files.Select(f => Markup.Escape(f)))}[/]");
            return LetheApp.Ok;
        });
        return command;
    }
}
