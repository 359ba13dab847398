using System.Diagnostics;
using Lethe.Experiments;
using static TorchSharp.torch;

namespace Lethe.Plans;

/// <summary>
/// Runs a plan on this machine: its cells stage by stage (a cell's stage is one past its deepest input's), up to
/// <c>jobs</c> cells side by side, each with the plan's torch thread count. Resumable by construction: done cells are
/// skipped, and a cell that another process holds is waited for (or taken over once its holder is gone).
/// </summary>
public sealed class PlanRunner(CellStore store, IProgress<RunEvent>? progress = null, TimeProvider? clock = null)
{
    /// <summary>How often a cell held by another worker is checked again.</summary>
    public static TimeSpan BusyPoll { get; set; } = TimeSpan.FromSeconds(2);

    private readonly object _reportLock = new();

    /// <summary>What a local run did.</summary>
    /// <param name="Made">Cells made by this run.</param>
    /// <param name="Skipped">Cells already done before it (or made by another worker meanwhile).</param>
    /// <param name="Seconds">Wall time.</param>
    public sealed record Summary(int Made, int Skipped, double Seconds);

    /// <exception cref="OperationCanceledException">Cancelled: finished cells stay done, the rest are left for a rerun.</exception>
    public Summary Run(PlanBench bench, int jobs, CancellationToken cancel = default, Func<Cell, bool>? include = null)
    {
        var plan = bench.Plan;
        var runner = new CellRunner(bench, store, new SyncProgress<RunEvent>(Report), clock);
        var clockWatch = Stopwatch.StartNew();
        int made = 0, skipped = 0;
        foreach (var stage in Stages(plan))
        {
            var cells = stage.Where(c => include?.Invoke(c) ?? true).ToArray();
            Parallel.ForEach(cells, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel }, cell =>
            {
                // LibTorch's thread count is per OS thread, and pool threads keep their last user's.
                set_num_threads(plan.Spec.EffectiveThreads);
                var outcome = RunUntilDone(runner, cell, cancel);
                if (outcome == CellOutcome.Made) Interlocked.Increment(ref made);
                else Interlocked.Increment(ref skipped);
            });
        }
        return new Summary(made, skipped, clockWatch.Elapsed.TotalSeconds);
    }

    /// <summary>The plan's cells grouped by stage, in plan order within a stage.</summary>
    public static IReadOnlyList<IReadOnlyList<Cell>> Stages(Plan plan)
    {
        var depth = new Dictionary<string, int>();
        foreach (var cell in plan.Cells)
            depth[cell.Id] = cell.DependsOn.Count == 0 ? 0 : 1 + cell.DependsOn.Max(id => depth[id]);
        return plan.Cells.GroupBy(c => depth[c.Id]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<Cell>)g.ToArray()).ToArray();
    }

    private static CellOutcome RunUntilDone(CellRunner runner, Cell cell, CancellationToken cancel)
    {
        while (true)
        {
            var outcome = runner.Run(cell, cancel);
            if (outcome is CellOutcome.Made or CellOutcome.AlreadyDone) return outcome;
            if (outcome == CellOutcome.Waiting)
                throw new InvalidOperationException($"cell {cell.Name} ran before its inputs were done"); // stages prevent this
            // Busy: another process makes it; wait for it to finish or for its lock to go stale.
            cancel.WaitHandle.WaitOne(BusyPoll);
            cancel.ThrowIfCancellationRequested();
        }
    }

    private void Report(RunEvent e)
    {
        if (progress is null) return;
        lock (_reportLock) progress.Report(e);
    }
}
