using System.CommandLine;
using Lethe.Cli.Rendering;
using Lethe.Cluster;
using Lethe.Experiments;
using Lethe.Plans;
using Spectre.Console;
using Lethe.Audit;

namespace Lethe.Cli.Commands;

/// <summary>
/// `lethe plan`: write a plan of cells to run anywhere (`plan audit`, `plan benchmark`), and see where its cells stand
/// (`plan show`).
/// </summary>
internal static class PlanCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("plan", "Plans of cells: write one for a cluster (`lethe submit`, `lethe run-cell`), or show where its cells stand.");
        command.Subcommands.Add(Audit(console));
        command.Subcommands.Add(Benchmark(console));
        command.Subcommands.Add(Show(console));
        return command;
    }

    private static Command Audit(IAnsiConsole console)
    {
        var options = new SpecOptions();
        var mode = new Option<string>("--mode") { Description = "fixed-original or population (see `lethe audit --help`)", DefaultValueFactory = _ => "fixed-original" };
        mode.AcceptOnlyFromAmong([.. AuditModes.Names]);
        var n = new Option<int>("--n") { Description = "Models per pool (default 16; at least 3)", DefaultValueFactory = _ => 16 };
        var store = new Option<string?>("--store") { Description = "Results store every worker shares, on a cluster a path all nodes see (default <cache>/cells)" };
        var output = new Option<string?>("--out") { Description = "The plan file to write (default runs/audit-<dataset>-<task>-<preset>-<mode>/plan.json)", HelpName = "PLAN" };
        var command = new Command("audit", "Write the plan of an audit (its cells, their order, the frozen spec, the data fingerprint) without running it: "
            + "run it with `lethe submit slurm PLAN`, `lethe run-cell PLAN --index I` or `lethe audit` with the same options; `lethe collect PLAN` reports.")
        {
            mode, n, store, output,
        };
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var auditMode = AuditModes.Parse(parsed.GetValue(mode)!);
            var spec = options.Spec(parsed);
            var path = Path.GetFullPath(parsed.GetValue(output) ?? Path.Combine("runs", $"audit-{SpecOptions.RunName(spec)}-{auditMode.Name()}", "plan.json"));
            spec = ForWorkers(spec, path);
            var storeDirectory = StoreOf(parsed.GetValue(store), spec);
            using var audit = AuditRun.Prepare(spec, auditMode, parsed.GetValue(n), storeDirectory);
            Written(console, audit.Plan with { Store = storeDirectory, CommandLine = CommandLine() }, path);
            return LetheApp.Ok;
        });
        return command;
    }

    private static Command Benchmark(IAnsiConsole console)
    {
        var options = new SpecOptions();
        var sweepOptions = new SweepOptions();
        var original = OriginalOption.Create();
        var pool = PoolOption.Create();
        var overwrite = OverwriteOption.Create();
        var controls = ControlsOption.Create();
        var store = new Option<string?>("--store") { Description = "Results store every worker shares, on a cluster a path all nodes see (default <cache>/cells)" };
        var output = new Option<string?>("--out")
        {
            Description = "The plan file to write; the runs' results go beside it, as `lethe benchmark --out` writes them (default runs/<dataset>-<task>-<preset>/plan.json)",
            HelpName = "PLAN",
        };
        var estimate = new Option<bool>("--estimate")
        {
            Description = "Also estimate the wall time of the cells still to make, on this machine with the plan's jobs and threads: "
                + "from the store's done cells of the same kinds, else from a few calibration training steps",
        };
        var command = new Command("benchmark", "Write the plan of a benchmark, one run or a seed sweep, without running it: each seed's Original and Retrained, "
            + "each method on them, and a report cell per seed (and one for the sweep) that writes what `lethe benchmark` writes. "
            + "Run it with `lethe submit slurm PLAN` or `lethe run-cell PLAN --index I`; `lethe collect PLAN` writes the reports again.")
        {
            original, pool, store, output, estimate, overwrite, controls,
        };
        sweepOptions.AddTo(command);
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var spec = ControlsOption.Apply(parsed, controls,
                options.Spec(parsed) with { OriginalFile = OriginalOption.Get(parsed, original), Pool = PoolOption.Get(parsed, pool) });
            var path = Path.GetFullPath(parsed.GetValue(output) ?? Path.Combine("runs", SpecOptions.RunName(spec), "plan.json"));
            spec = ForWorkers(spec, path);
            var sweep = sweepOptions.Sweep(parsed, spec.Seed);
            var storeDirectory = StoreOf(parsed.GetValue(store), spec);
            var plan = BenchmarkPlanner.For(spec, sweep) with { Store = storeDirectory, CommandLine = CommandLine() };
            // The report cells will write the runs' folders beside the plan, as `lethe benchmark` with the same options would.
            foreach (var line in RunFolderClaim.Take(spec, sweep, CommandLine(), parsed.GetValue(overwrite))) console.PlainLine(line);
            Written(console, plan, path);
            console.PlainLine(sweep is null
                ? $"results: {plan.Spec.OutputDirectory}"
                : $"results: {Path.Combine(plan.Spec.OutputDirectory, "seed-N")} per seed, the sweep's report in {plan.Spec.OutputDirectory}");
            if (parsed.GetValue(estimate))
            {
                // Not by default: a plan is often written on a cluster's login node, where a calibration would time the wrong machine.
                using var bench = PlanBench.Open(plan);
                console.PrintEstimate(plan, PlanCost.Estimate(bench, PlanFile.StoreOf(plan)));
            }
            return LetheApp.Ok;
        });
        return command;
    }

    /// <summary>Workers start elsewhere (a node, another folder): every path they read is written absolute, and the
    /// results go beside the plan. The paths are checked here, as a worker would find a bad one only hours later.</summary>
    private static Lethe.Experiments.ExperimentSpec ForWorkers(Lethe.Experiments.ExperimentSpec spec, string planPath) => spec with
    {
        OutputDirectory = OutputPaths.Writable("--out", Path.GetDirectoryName(OutputPaths.File("--out", planPath))!),
        CacheDirectory = Path.GetFullPath(OutputPaths.Cache(spec)),
        DataDirectory = spec.DataDirectory is { } data ? Path.GetFullPath(data) : null,
    };

    private static string StoreOf(string? option, Lethe.Experiments.ExperimentSpec spec) => Path.GetFullPath(OutputPaths.Store(option, spec));

    private static string CommandLine() => "lethe " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));

    /// <summary>Writes the plan and says what it holds, where its cells go and how to run it.</summary>
    private static void Written(IAnsiConsole console, Plan plan, string path)
    {
        plan.Write(path);
        var stages = PlanRunner.Stages(plan);
        var roles = string.Join(", ", plan.Cells.GroupBy(c => c.Role).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var store = PlanFile.StoreOf(plan);
        console.PlainLine($"wrote {path}: {plan.Cells.Count} cells ({roles}) in {stages.Count} stages, {plan.Spec.EffectiveThreads} torch threads each");
        console.PlainLine($"store {store.Directory}; {PlanStatus.Count(PlanStatus.Of(plan, store))[CellState.Done]} cells already done");
        console.PlainLine($"run it: lethe submit slurm {path} (or lethe run-cell {path} --index I); watch: lethe plan show {path}; report: lethe collect {path}");
    }

    private static Command Show(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file" };
        var store = new Option<string?>("--store") { Description = "Results store (default: the one the plan names)" };
        var command = new Command("show", "Each cell of a plan and its state in the shared store: done, running, failed, ready (inputs done) or waiting (for its inputs).")
        {
            planPath, store,
        };
        command.SetAction(parsed =>
        {
            var plan = PlanFile.Read(parsed.GetValue(planPath)!);
            // A store given by hand that is not there is a typo, not an empty store whose cells are all still to run.
            if (parsed.GetValue(store) is { } given && !Directory.Exists(given)) throw new DirectoryNotFoundException($"--store: folder not found: {given}");
            var cellStore = PlanFile.StoreOf(plan, parsed.GetValue(store));
            var cells = PlanStatus.Of(plan, cellStore);
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"{Describe(plan)} · {plan.Cells.Count} cells · store {cellStore.Directory}"));
            foreach (var column in new[] { "#", "cell", "role", "state", "detail" }) table.AddColumn(column);
            foreach (var cell in cells)
                table.AddRow(new[] { $"{cell.Cell.Index}", cell.Cell.Name, cell.Cell.Role.ToString().ToLowerInvariant(), cell.State.ToString().ToLowerInvariant(), cell.Detail }
                    .Select(text => new Markup(Markup.Escape(text))).ToArray());
            console.Write(table);
            var counts = PlanStatus.Count(cells);
            console.PlainLine(string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.ToString().ToLowerInvariant()}")));
            return LetheApp.Ok;
        });
        return command;
    }

    /// <summary>What a plan computes, in a few words: "audit fixed-original · N = 16", "benchmark · seeds 42, 43 (vary all)".</summary>
    private static string Describe(Plan plan) => plan.Kind == Plan.BenchmarkKind
        ? "benchmark · " + (plan.Sweep is { } sweep
            ? $"seeds {string.Join(", ", sweep.Seeds)} (vary {sweep.Vary.ToString().ToLowerInvariant()})"
            : $"seed {plan.Spec.Seed}")
        : $"{plan.Kind} {plan.Mode.Name()} · N = {plan.N}";
}
