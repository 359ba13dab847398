using Lethe.Models;
using Lethe.Audit;
using Lethe.Experiments;
using static TorchSharp.torch;
using Lethe.Diagnostics;

namespace Lethe.Plans;

/// <summary>
/// One `lethe audit` on this machine: build the data, plan the cells, say what they will cost, run them (resumably),
/// and score them. The plan is written beside the results (plan.json), so the same cells can be run elsewhere.
/// </summary>
public sealed class AuditRun : IDisposable
{
    private AuditRun(PlanBench bench, CellStore store)
    {
        Bench = bench;
        Store = store;
    }

    public Plan Plan => Bench.Plan;

    public PlanBench Bench { get; }

    public CellStore Store { get; }

    /// <summary>Validates the spec, builds its data and the plan; trains nothing.</summary>
    /// <param name="spec">The spec (its methods are the audit's).</param>
    /// <param name="mode">Fixed-original or population.</param>
    /// <param name="n">Models per pool.</param>
    /// <param name="storeDirectory">The shared results store.</param>
    /// <exception cref="ArgumentException">A bad setting (named), such as a given Original: an audit trains its own.</exception>
    public static AuditRun Prepare(ExperimentSpec spec, AuditMode mode, int n, string storeDirectory)
    {
        spec.Validate();
        if (spec.OriginalFile is not null) throw new ArgumentException("--original: an audit trains its Originals (one per seed in population mode)");
        NativeAllocator.LimitArenas();
        TorchThreads.Set(spec.EffectiveThreads);
        var data = DatasetFactory.Build(spec);
        try
        {
            var methods = MethodPlan.Resolve(spec, data.Task);
            var plan = AuditPlanner.Build(spec, mode, n, methods, data.Fingerprint);
            return new AuditRun(PlanBench.With(plan, data), new CellStore(storeDirectory));
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>What the remaining cells will cost (runs a few seconds of calibration when nothing is timed yet).</summary>
    public PlanCost Cost() => PlanCost.Estimate(Bench, Store);

    /// <summary>
    /// Runs every model cell not done yet, then scores them all. The score is always computed afresh (it takes seconds)
    /// and stored as the plan's score cell: a score cell done by an older Lethe would otherwise keep its older numbers.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; finished cells stay done.</exception>
    public (PlanRunner.Summary Run, AuditResult Result) Execute(IProgress<RunEvent>? progress = null, CancellationToken cancel = default)
    {
        var summary = new PlanRunner(Store, progress).Run(Bench, Plan.Spec.EffectiveJobs, cancel, include: c => c.MakesModel);
        var score = Plan.Cells[^1];
        if (File.Exists(Store.DonePath(score))) File.Delete(Store.DonePath(score));
        new CellRunner(Bench, Store, progress).Run(score, cancel);
        return (summary, AuditResult.Read(Path.Combine(Store.FolderOf(score), CellRunner.AuditResultFile)));
    }

    public void Dispose() => Bench.Dispose();
}
