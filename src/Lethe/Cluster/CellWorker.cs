using Lethe.Models;
using Lethe.Experiments;
using Lethe.Plans;
using static TorchSharp.torch;

namespace Lethe.Cluster;

/// <summary>
/// One cluster task's work (`lethe run-cell`): runs one cell through <see cref="CellRunner"/> (skip when done, lock,
/// atomic writes, done marker last), waiting up to a limit while its inputs are not done or another worker holds it,
/// and records a failure in the store so that `lethe plan show` can name it.
/// </summary>
public sealed class CellWorker(PlanBench bench, CellStore store, IProgress<RunEvent>? progress = null, TimeProvider? clock = null)
{
    /// <summary>How often a waiting worker looks at the store again.</summary>
    public static TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Runs the cell at <paramref name="index"/>.</summary>
    /// <param name="index">The cell's index in the plan (a job array's task index).</param>
    /// <param name="wait">How long to keep trying while the cell is not ready or another worker holds it.</param>
    /// <param name="cancel">Stops the cell; finished epochs stay for the next worker.</param>
    /// <returns><see cref="CellOutcome.Made"/> or <see cref="CellOutcome.AlreadyDone"/>, or, once the wait ran out,
    /// <see cref="CellOutcome.Waiting"/> or <see cref="CellOutcome.Busy"/>.</returns>
    /// <exception cref="ArgumentException">An index outside the plan.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (recorded as a failure of the cell).</exception>
    public CellOutcome Run(int index, TimeSpan wait, CancellationToken cancel = default)
    {
        var cell = bench.Plan.At(index);
        // The plan's thread count: LibTorch's reductions give other bits at another count, and the cell ids promise these.
        TorchThreads.Set(bench.Plan.Spec.EffectiveThreads);
        var runner = new CellRunner(bench, store, progress, _clock);
        var deadline = _clock.GetUtcNow() + wait;
        while (true)
        {
            var outcome = RunOnce(runner, cell, cancel);
            if (outcome is CellOutcome.Made or CellOutcome.AlreadyDone) return outcome;
            var left = deadline - _clock.GetUtcNow();
            if (left <= TimeSpan.Zero) return outcome;
            cancel.WaitHandle.WaitOne(left < Poll ? left : Poll);
            cancel.ThrowIfCancellationRequested();
        }
    }

    private CellOutcome RunOnce(CellRunner runner, Cell cell, CancellationToken cancel)
    {
        try
        {
            var outcome = runner.Run(cell, cancel);
            if (outcome == CellOutcome.Made) CellFailure.Clear(store, cell);
            return outcome;
        }
        catch (Exception e)
        {
            CellFailure.Write(store, cell, e);
            throw;
        }
    }
}
