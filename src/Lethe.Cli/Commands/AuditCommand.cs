using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Lethe.Cli.Rendering;
using Lethe.Plans;
using Lethe.Reports;
using Lethe.Reports.Audit;
using Lethe.Unlearning;
using Spectre.Console;
using Lethe.Audit;
using Lethe.Experiments;

namespace Lethe.Cli.Commands;

/// <summary>`lethe audit`: many retrained and unlearned models, scored per image and per person from their stored φ.</summary>
internal static class AuditCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var options = new SpecOptions();
        var mode = new Option<string>("--mode")
        {
            Description = "fixed-original (the NeurIPS-2023 challenge: one Original, N unlearning seeds per method) or population "
                + "(U-LiRA: N Originals on N seeds, each unlearned once); both make N retrained models",
            DefaultValueFactory = _ => "fixed-original",
        };
        mode.AcceptOnlyFromAmong([.. AuditModes.Names]);
        var n = new Option<int>("--n") { Description = "Models per pool: seeds --seed … --seed + N − 1 (at least 3; 6 for the null check, ε and F)", DefaultValueFactory = _ => 16 };
        var store = new Option<string?>("--store") { Description = "Results store shared by audits and workers (default <cache>/cells): a model made once is reused by every plan that needs it" };
        var output = new Option<string?>("--out") { Description = "Output folder for plan.json, audit.json and the report (default runs/audit-<dataset>-<task>-<preset>-<mode>)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan and estimate the cost, then stop: nothing is trained" };

        var command = new Command("audit", "Per-person proof of forgetting: many retrained and unlearned models, the challenge's ε and F, U-LiRA, KLoM, per image and per identity.")
        {
            mode, n, store, output, dryRun,
        };
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var auditMode = AuditModes.Parse(parsed.GetValue(mode)!);
            var spec = options.Spec(parsed);
            var outDir = parsed.GetValue(output) ?? Path.Combine("runs", $"audit-{SpecOptions.RunName(spec)}-{auditMode.Name()}");
            spec = spec with { OutputDirectory = outDir };
            OutputPaths.RunFolders(spec);
            var verbosity = options.Verbosity(parsed);
            var clock = Stopwatch.StartNew();
            using var audit = AuditRun.Prepare(spec, auditMode, parsed.GetValue(n), OutputPaths.Store(parsed.GetValue(store), spec));
            // The store recorded in the plan, so that `lethe run-cell`, `lethe submit` and `lethe collect` find the same cells.
            (audit.Plan with { Store = Path.GetFullPath(audit.Store.Directory) }).Write(Path.Combine(outDir, "plan.json"));
            var cost = audit.Cost();
            PrintCost(console, audit, cost);
            if (parsed.GetValue(dryRun))
            {
                console.MarkupLine($"[grey]dry run: nothing trained; wrote {Markup.Escape(Path.Combine(outDir, "plan.json"))}[/]");
                return LetheApp.Ok;
            }
            var (run, result) = RunRenderer.Run(console, observer => audit.Execute(observer), verbosity);
            var commandLine = "lethe " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            var files = ReportFiles.Write(new AuditReport(result,
                new AuditRunFacts(commandLine, clock.Elapsed.TotalSeconds, run.Made, run.Skipped, audit.Store.Directory), audit.Bench.Data), outDir).WithFigures;
            foreach (var warning in result.Warnings) console.MarkupLine($"[yellow]Warning: {Markup.Escape(warning)}[/]");
            console.MarkupLine(Markup.Escape($"null check: {result.Null.Verdict}"));
            console.MarkupLine(Markup.Escape($"Original check: {result.Original.Verdict}"));
            PrintTable(console, AuditTable.From(result), result);
            console.MarkupLine($"[grey]{run.Made} cells made, {run.Skipped} already done; wall time {clock.Elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture)} min[/]");
            console.MarkupLine($"[grey]wrote {string.Join(", ", files.Select(f => Markup.Escape(f)))}[/]");
            return LetheApp.Ok;
        });
        return command;
    }

    private static void PrintCost(IAnsiConsole console, AuditRun audit, PlanCost cost)
    {
        var plan = audit.Plan;
        var roles = string.Join(", ", Enum.GetValues<CellRole>().Where(r => r != CellRole.Score)
            .Select(r => $"{plan.Cells.Count(c => c.Role == r)} {r.ToString().ToLowerInvariant()}"));
        console.WriteLine($"audit {plan.Mode.Name()}, N = {plan.N}: {cost.Cells} models to have ({roles}); {cost.Done} already done, {cost.ToDo} to make");
        console.PrintEstimate(plan, cost);
        foreach (var method in plan.Cells.Where(c => c.Role == CellRole.Unlearned).Select(c => MethodRegistry.Get(c.Method!)).Distinct()
                     .Where(m => !m.DependsOnSeed))
            console.MarkupLine($"[yellow]flag: {Markup.Escape(method.Key)} does not depend on its seed" + (plan.Mode == AuditMode.FixedOriginal
                ? $": one model stands for all {plan.N}, so {AuditScorer.ExposedByConstruction(plan.N)} by construction[/]"
                : ": its spread comes from the Originals alone[/]"));
    }

    private static void PrintTable(IAnsiConsole console, AuditTable table, Lethe.Audit.AuditResult result)
    {
        var grid = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"audit {result.Mode} · N = {result.N} · {result.Dataset} · {result.Task} · {result.ImageSize} px · {result.ForgetImages} forget images of {result.ForgetIdentities} people"));
        foreach (var column in table.Columns) grid.AddColumn(new TableColumn(Markup.Escape(column)).RightAligned());
        foreach (var row in table.Rows) grid.AddRow(row.Select(Markup.Escape).ToArray());
        console.Write(grid);
        if (result.Methods.Any(m => !m.DependsOnSeed)) console.MarkupLine("[grey]† does not depend on its seed (see the warnings)[/]");
        foreach (var note in AuditScoreNotes.From(result).Rows)
            console.MarkupLine($"[grey]{Markup.Escape($"{note[0]}: {note[1]}: {note[2]}")}[/]");
    }
}
