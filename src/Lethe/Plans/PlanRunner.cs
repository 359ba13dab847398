using Lethe.Models;
using System.Collections.Concurrent;
using System.Diagnostics;
using Lethe.Experiments;
using static TorchSharp.torch;

namespace Lethe.Plans;

/// <summary>
/// Runs a plan on this machine: its cells stage by stage (a cell's stage is one past its deepest input's), up to
/// <c>jobs</c> cells side by side, each with the plan's torch thread count. Resumable by construction: done cells are
/// skipped, and a cell that another worker holds (another process, another node on the shared store) is left to it
/// while any cell of the stage is free, then waited for (or taken over once its holder is gone), so several workers on
/// one store share a stage's cells between them.
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
    public sealed record Summary(int Made, int Skipped, double Seconds)
    {
        /// <summary>The ids of the cells this run made (the others were done before it, or by another worker meanwhile).</summary>
        public IReadOnlySet<string> MadeHere { get; init; } = new HashSet<string>();
    }

    /// <exception cref="OperationCanceledException">Cancelled: finished cells stay done, the rest are left for a rerun.</exception>
    public Summary Run(PlanBench bench, int jobs, CancellationToken cancel = default, Func<Cell, bool>? include = null)
    {
        var plan = bench.Plan;
        var runner = new CellRunner(bench, store, new SyncProgress<RunEvent>(Report), clock);
        var clockWatch = Stopwatch.StartNew();
        int made = 0, skipped = 0;
        var madeHere = new ConcurrentDictionary<string, bool>();
        var toldBusy = new ConcurrentDictionary<string, bool>();
        foreach (var stage in Stages(plan))
        {
            var pending = new ConcurrentQueue<Cell>(stage.Where(c => include?.Invoke(c) ?? true));
            Parallel.For(0, Math.Max(1, jobs), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancel }, _ =>
            {
                // LibTorch's thread count is per OS thread, and pool threads keep their last user's (see TorchThreads).
                TorchThreads.Set(plan.Spec.EffectiveThreads);
                var busyInARow = 0;
                while (pending.TryDequeue(out var cell))
                {
                    var outcome = runner.Run(cell, cancel);
                    if (outcome == CellOutcome.Waiting)
                        throw new InvalidOperationException($"cell {cell.Name} ran before its inputs were done"); // stages prevent this
                    if (outcome == CellOutcome.Busy)
                    {
                        if (toldBusy.TryAdd(cell.Id, true)) Report(new RunEvent(cell.Name, "another worker is making it; waiting for it"));
                        // Another worker makes it: do the cells nobody holds first, and wait only once every cell
                        // left has been found held, for it to finish or for its lock to go stale.
                        pending.Enqueue(cell);
                        if (++busyInARow >= pending.Count)
                        {
                            cancel.WaitHandle.WaitOne(BusyPoll);
                            busyInARow = 0;
                        }
                        cancel.ThrowIfCancellationRequested();
                        continue;
                    }
                    busyInARow = 0;
                    if (outcome == CellOutcome.Made)
                    {
                        Interlocked.Increment(ref made);
                        madeHere[cell.Id] = true;
                    }
                    else Interlocked.Increment(ref skipped);
                }
            });
        }
        return new Summary(made, skipped, clockWatch.Elapsed.TotalSeconds) { MadeHere = madeHere.Keys.ToHashSet() };
    }

    /// <summary>The plan's cells grouped by stage, in plan order within a stage.</summary>
    public static IReadOnlyList<IReadOnlyList<Cell>> Stages(Plan plan)
    {
        var depth = new Dictionary<string, int>();
        foreach (var cell in plan.Cells)
            depth[cell.Id] = cell.DependsOn.Count == 0 ? 0 : 1 + cell.DependsOn.Max(id => depth[id]);
        return plan.Cells.GroupBy(c => depth[c.Id]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<Cell>)g.ToArray()).ToArray();
    }

    private void Report(RunEvent e)
    {
        if (progress is null) return;
        lock (_reportLock) progress.Report(e);
    }
}
