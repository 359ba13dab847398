using Lethe.Audit;
using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>
/// `lethe collect`: the scores of a plan whose model cells were made elsewhere (job arrays, other machines), from the
/// shared store alone. The score cell is computed afresh here, as `lethe audit` does (it takes seconds, and a score
/// stored by an older Lethe would keep older numbers), so collecting twice gives the same result.
/// </summary>
public static class PlanCollector
{
    /// <summary>Scores the plan.</summary>
    /// <exception cref="InvalidDataException">Model cells not done yet (named), or a plan without a score cell.</exception>
    public static AuditResult Score(PlanBench bench, CellStore store, IProgress<Experiments.RunEvent>? progress = null)
    {
        var plan = bench.Plan;
        var score = plan.Cells.LastOrDefault(c => c.Role == CellRole.Score)
            ?? throw new InvalidDataException("the plan has no score cell: nothing to collect");
        var missing = plan.Cells.Where(c => c.MakesModel && !store.IsDone(c)).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"{missing.Length} of {plan.Cells.Count(c => c.MakesModel)} model cells are not done "
                + $"({string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", …" : "")}): `lethe plan show` says where they stand");
        if (File.Exists(store.DonePath(score))) File.Delete(store.DonePath(score));
        new CellRunner(bench, store, progress).Run(score);
        return AuditResult.Read(Path.Combine(store.FolderOf(score), CellRunner.AuditResultFile));
    }
}
