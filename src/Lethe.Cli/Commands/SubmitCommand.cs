using System.CommandLine;
using Lethe.Cli.Rendering;
using Lethe.Cluster;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe submit slurm PLAN`: the plan's cells as Slurm job arrays, one per stage.</summary>
internal static class SubmitCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("submit", "Hand a plan's cells to a cluster engine; every worker runs `lethe run-cell` on a store they share.");
        command.Subcommands.Add(Slurm(console));
        return command;
    }

    private static Command Slurm(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file on the file system the nodes share" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)" };
        var maxRunning = new Option<int?>("--max-running") { Description = "At most K tasks of a stage at once (the array's %K)", HelpName = "K" };
        var gpus = new Option<int>("--gpus-per-cell") { Description = "GPUs per cell (needs a plan made with --device cuda)", DefaultValueFactory = _ => 0 };
        var cpus = new Option<int?>("--cpus-per-cell") { Description = "CPUs per cell (default: the plan's torch threads, the count its results depend on)" };
        var time = new Option<string?>("--time") { Description = "Time limit per cell, sbatch's format (e.g. 2:00:00)" };
        var retries = new Option<int>("--retries") { Description = "Reruns in place of a cell whose worker was killed by a signal (default 2)", DefaultValueFactory = _ => 2 };
        var wait = new Option<double?>("--wait") { Description = "Seconds a worker waits for inputs or another worker's cell (default 600)" };
        var lethe = new Option<string?>("--lethe")
        {
            Description = "Shell command that runs Lethe on a node (default: this very program, by absolute path: the installed tool, or dotnet with Lethe.Cli.dll)",
        };
        var store = new Option<string?>("--store") { Description = "Results store (default: the one the plan names)" };
        var output = new Option<string?>("--out") { Description = "Folder for the scripts and logs/ (default: slurm/ beside the plan)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the scripts and the sbatch commands; submit nothing" };
        var command = new Command("slurm",
            "Submit a plan as Slurm job arrays: one array per stage (task id = cell index), each stage after the previous one succeeded, "
            + "one log per cell, requeueable; only cells not done are submitted, so submitting again resumes.")
        {
            planPath, partition, maxRunning, gpus, cpus, time, retries, wait, lethe, store, output, dryRun,
        };
        command.SetAction(parsed =>
        {
            var path = Path.GetFullPath(parsed.GetValue(planPath)!);
            var plan = PlanFile.Read(path);
            var cellStore = PlanFile.StoreOf(plan, parsed.GetValue(store));
            var options = new SlurmOptions(parsed.GetValue(partition), parsed.GetValue(maxRunning), parsed.GetValue(gpus), parsed.GetValue(cpus),
                parsed.GetValue(time), parsed.GetValue(retries), parsed.GetValue(wait) is { } s ? TimeSpan.FromSeconds(s) : null,
                parsed.GetValue(lethe) ?? LetheInvocation.Current());
            if (options.GpusPerCell > 0 && !plan.Spec.Device.StartsWith("cuda", StringComparison.Ordinal))
                throw new ArgumentException($"--gpus-per-cell {options.GpusPerCell}: the plan runs on {plan.Spec.Device}; plan it with --device cuda");
            var folder = parsed.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(path)!, "slurm");
            var submission = SlurmSubmission.Prepare(plan, path, cellStore, parsed.GetValue(store), options, folder);
            if (submission.Stages.Count == 0)
            {
                console.PlainLine($"every cell of {path} is done: nothing to submit (`lethe collect` builds the report)");
                return LetheApp.Ok;
            }
            if (parsed.GetValue(dryRun))
            {
                foreach (var stage in submission.Stages)
                {
                    console.PlainLine($"# ---- {stage.ScriptPath}");
                    console.PlainText(stage.Script);
                }
                console.PlainLine("# ---- submit (dry run: nothing submitted)");
                foreach (var line in submission.Commands()) console.PlainLine(line);
                return LetheApp.Ok;
            }
            var ids = submission.Submit(Sbatch.Submit);
            foreach (var stage in submission.Stages)
                console.PlainLine($"stage {stage.Number + 1}/{submission.Stages.Count}: job {ids[stage.Number]}, {stage.Cells.Count} cells "
                    + $"({SlurmScript.ArrayRanges(stage.Cells.Select(c => c.Index))}), {stage.ScriptPath}");
            console.PlainLine($"logs: {Path.Combine(Path.GetFullPath(folder), "logs")}/cell-<index>.log; watch: lethe plan show {path}");
            return LetheApp.Ok;
        });
        return command;
    }
}
