using Lethe.Audit;
using Lethe.Plans;
using Lethe.Experiments;
using Lethe.Reports;

namespace Lethe.Cluster;

/// <summary>
/// `lethe collect`: the scores or reports of a plan whose model cells were made elsewhere (job arrays, other machines),
/// from the shared store alone. Score and report cells are computed afresh here, as `lethe audit` does (they take
/// seconds, and one done by an older Lethe would keep older numbers), so collecting twice gives the same result.
/// </summary>
public static class PlanCollector
{
    /// <summary>Scores an audit plan.</summary>
    /// <exception cref="InvalidDataException">Model cells not done yet (named), or a plan without a score cell.</exception>
    public static AuditResult Score(PlanBench bench, CellStore store, IProgress<Experiments.RunEvent>? progress = null)
    {
        var score = bench.Plan.Cells.LastOrDefault(c => c.Role == CellRole.Score)
            ?? throw new InvalidDataException("the plan has no score cell: nothing to collect");
        RunAgain(bench, store, [score], progress);
        return AuditResult.Read(Path.Combine(store.FolderOf(score), CellRunner.AuditResultFile));
    }

    /// <summary>
    /// Writes a benchmark plan's reports: each run's folder, then the sweep's summary. Returns the whole result (the
    /// run, or the sweep over its seeds) as its report cells wrote it, so the caller prints it without reading a file.
    /// </summary>
    /// <exception cref="InvalidDataException">Model cells not done yet (named).</exception>
    public static SummaryReport Report(PlanBench bench, CellStore store, IProgress<Experiments.RunEvent>? progress = null)
    {
        RunAgain(bench, store, bench.Plan.Cells.Where(c => c.Role == CellRole.Score).ToArray(), progress);
        return SummaryReport.Read(bench.Plan.Spec.OutputDirectory);
    }

    /// <summary>Runs <paramref name="cells"/> again, in plan order, once every model cell is done.</summary>
    private static void RunAgain(PlanBench bench, CellStore store, IReadOnlyList<Cell> cells, IProgress<Experiments.RunEvent>? progress)
    {
        var plan = bench.Plan;
        var missing = plan.Cells.Where(c => c.MakesModel && !store.IsDone(c)).Select(c => c.Name).ToArray();
        if (missing.Length > 0)
            throw new InvalidDataException($"{missing.Length} of {plan.Cells.Count(c => c.MakesModel)} model cells are not done "
                + $"({string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", …" : "")}): `lethe plan show` says where they stand");
        var runner = new CellRunner(bench, store, progress);
        foreach (var cell in cells)
        {
            if (File.Exists(store.DonePath(cell))) File.Delete(store.DonePath(cell));
            runner.Run(cell);
        }
    }
}
