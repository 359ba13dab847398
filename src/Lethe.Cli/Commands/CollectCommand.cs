using System.CommandLine;
using System.Diagnostics;
using Lethe.Cli.Rendering;
using Lethe.Cluster;
using Lethe.Plans;
using Lethe.Reports.Audit;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe collect PLAN`: the audit report of a plan whose cells were run elsewhere, from the shared store.</summary>
internal static class CollectCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file whose model cells are done" };
        var store = new Option<string?>("--store") { Description = "Results store (default: the one the plan names)" };
        var output = new Option<string?>("--out") { Description = "Folder for audit.json and the report (default: the plan's folder)" };
        var command = new Command("collect", "Score a plan from the shared store once its model cells are done, and write the audit report.")
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
            var result = PlanCollector.Score(bench, cellStore);
            var outDir = parsed.GetValue(output) ?? Path.GetDirectoryName(path)!;
            var commandLine = "lethe " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            var models = plan.Cells.Count(c => c.MakesModel);
            var files = AuditReport.Write(result, outDir, bench.Data, new AuditRunFacts(commandLine, clock.Elapsed.TotalSeconds, 0, models, cellStore.Directory));
            foreach (var warning in result.Warnings) console.MarkupLine($"[yellow]Warning: {Markup.Escape(warning)}[/]");
            console.PlainLine($"scored {models} models of {path} from {cellStore.Directory}");
            console.PlainLine($"wrote {string.Join(", ", files)}");
            return LetheApp.Ok;
        });
        return command;
    }
}
