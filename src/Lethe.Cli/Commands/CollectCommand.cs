using System.CommandLine;
using System.Diagnostics;
using Lethe.Cli.Rendering;
using Lethe.Cluster;
using Lethe.Plans;
using Lethe.Reports;
using Lethe.Reports.Audit;
using Spectre.Console;
using Lethe.Experiments;

namespace Lethe.Cli.Commands;

/// <summary>
/// `lethe collect PLAN`: the reports of a plan whose cells were run elsewhere, from the shared store: an audit's scores
/// and report, or a benchmark's run folders and the sweep's report, as `lethe audit` and `lethe benchmark` write them.
/// </summary>
internal static class CollectCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file whose model cells are done" };
        var store = new Option<string?>("--store") { Description = "Results store (default: the one the plan names)" };
        var output = new Option<string?>("--out") { Description = "Folder for an audit's audit.json and report (default: the plan's folder; a benchmark's runs go where it was planned)" };
        var command = new Command("collect", "Once a plan's model cells are done, write its reports from the shared store: an audit's scores and report, "
            + "a benchmark's run folders (results.json, .csv, .md, report.html) and a sweep's report.")
        {
            planPath, store, output,
        };
        command.SetAction(parsed =>
        {
            var clock = Stopwatch.StartNew();
            var path = Path.GetFullPath(parsed.GetValue(planPath)!);
            var plan = PlanFile.Read(path);
            var cellStore = PlanFile.StoreOf(plan, parsed.GetValue(store));
            using var bench = PlanBench.Open(plan);
            if (plan.Kind == Plan.BenchmarkKind) return Benchmark(console, bench, cellStore, parsed.GetValue(output));
            var outDir = OutputPaths.Folder("--out", parsed.GetValue(output) ?? Path.GetDirectoryName(path)!);
            var result = PlanCollector.Score(bench, cellStore);
            var commandLine = "lethe " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            var models = plan.Cells.Count(c => c.MakesModel);
            var files = ReportFiles.Write(new AuditReport(result, new AuditRunFacts(commandLine, clock.Elapsed.TotalSeconds, 0, models, cellStore.Directory), bench.Data),
                outDir).WithFigures;
            foreach (var warning in result.Warnings) console.MarkupLine($"[yellow]Warning: {Markup.Escape(warning)}[/]");
            console.PlainLine($"scored {models} models of {path} from {cellStore.Directory}");
            console.PlainLine($"wrote {string.Join(", ", files)}");
            return LetheApp.Ok;
        });
        return command;
    }

    private static int Benchmark(IAnsiConsole console, PlanBench bench, CellStore store, string? output)
    {
        if (output is not null)
            throw new ArgumentException($"--out: a benchmark plan writes its runs where it was planned ({bench.Plan.Spec.OutputDirectory}); plan it again with --out to write elsewhere");
        var report = PlanCollector.Report(bench, store);
        if (bench.Plan.Sweep is null)
            TablePrinter.Print(console, report.Summary.Runs[0]);
        else
            console.WriteLine(SummaryMarkdown.Head(report.Summary).Trim());
        console.PlainLine($"wrote the reports of {bench.Plan.Cells.Count(c => c.Role == CellRole.Score)} report cells in {report.Directory}");
        return LetheApp.Ok;
    }
}
