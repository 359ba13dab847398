using System.CommandLine;
using System.Runtime.InteropServices;
using Lethe.Cli.Rendering;
using Lethe.Cluster;
using Lethe.Plans;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe run-cell PLAN --index I`: one cell of a plan, as one task of a cluster job array runs it.</summary>
internal static class RunCellCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file written by `lethe plan audit` or `lethe plan benchmark` (or `lethe audit`'s plan.json)" };
        var index = new Option<int>("--index") { Description = "The cell's index in the plan (a job array's task id)", Required = true };
        var store = new Option<string?>("--store") { Description = "Results store shared by the workers (default: the one the plan names)" };
        var wait = new Option<double>("--wait")
        {
            Description = "Seconds to wait while the cell's inputs are not done or another worker makes it; then exit 75 (default 0)",
            DefaultValueFactory = _ => 0,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output" };
        var command = new Command("run-cell",
            $"Run one cell of a plan, idempotently: exit {CellExit.Done} when it is done (now or before), {CellExit.TryLater} when it cannot start yet "
            + $"(inputs not done, or another worker holds it), {CellExit.Failed} on a failure (recorded in the store).")
        {
            planPath, index, store, wait, quiet,
        };
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(wait) is var seconds && (seconds < 0 || double.IsNaN(seconds)))
                throw new ArgumentException($"--wait {seconds}: must be 0 or more seconds");
            var plan = PlanFile.Read(parsed.GetValue(planPath)!);
            var cell = plan.At(parsed.GetValue(index));
            var cellStore = PlanFile.StoreOf(plan, parsed.GetValue(store));
            OutputPaths.WorkerStore(parsed.GetValue(store), cellStore.Directory, parsed.GetValue(planPath)!);
            using var cancel = new CancellationTokenSource();
            // Slurm and Kubernetes stop a task with SIGTERM before SIGKILL: stop between steps, keep the finished epochs.
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; cancel.Cancel(); });
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; cancel.Cancel(); });
            console.PlainLine($"cell {cell.Index} {cell.Name} ({cell.Id}) of {Path.GetFullPath(parsed.GetValue(planPath)!)}; store {cellStore.Directory}");
            using var bench = PlanBench.Open(plan);
            var verbosity = parsed.GetValue(quiet) ? Verbosity.Quiet : Verbosity.Normal;
            var outcome = RunRenderer.Run(console, progress => new CellWorker(bench, cellStore, progress)
                .Run(cell.Index, TimeSpan.FromSeconds(parsed.GetValue(wait)), cancel.Token), verbosity);
            var status = PlanStatus.Of(plan, cellStore)[cell.Index];
            switch (outcome)
            {
                case CellOutcome.Made:
                    console.PlainLine($"cell {cell.Index} {cell.Name}: made ({status.Detail})");
                    return CellExit.Done;
                case CellOutcome.AlreadyDone:
                    console.PlainLine($"cell {cell.Index} {cell.Name}: already done ({status.Detail})");
                    return CellExit.Done;
                default:
                    console.PlainLine($"cell {cell.Index} {cell.Name}: not run, {status.State.ToString().ToLowerInvariant()} {status.Detail}; try again later (exit {CellExit.TryLater})");
                    return CellExit.TryLater;
            }
        });
        return command;
    }
}
