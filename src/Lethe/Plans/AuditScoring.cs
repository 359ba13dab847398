using Lethe.Audit;

namespace Lethe.Plans;

/// <summary>
/// The score cell of an audit plan: reads the stored φ and results of the plan's model cells (nothing is re-run) and
/// hands them to <see cref="AuditScorer"/>, which sees models and their roles, never the plan or the store.
/// </summary>
public static class AuditScoring
{
    /// <exception cref="InvalidDataException">A model cell that is not done, or a missing or stale file (named).</exception>
    public static AuditResult Score(Plan plan, CellStore store)
    {
        var done = plan.Cells.Where(c => c.MakesModel).Select(c => store.TryDone(c)!).ToArray();
        var cost = new AuditCost(done.Length, done.Sum(d => d.Labels.Count), done.Sum(d => d.Seconds),
            done.GroupBy(d => d.Role.ToString()).ToDictionary(g => g.Key, g => g.Sum(d => d.Seconds)));
        return Score(plan, Pools(plan, store), cost);
    }

    /// <summary>Scores <paramref name="plan"/> from pools already read (tests make theirs in memory).</summary>
    internal static AuditResult Score(Plan plan, PhiPools pools, AuditCost cost) =>
        AuditScorer.Score(plan.Mode, plan.N, plan.Spec, plan.DataFingerprint, pools, cost);

    /// <summary>One audit model of a cell's stored result.</summary>
    internal static AuditModel Model(Cell cell, Experiments.ModelResult result) =>
        new(cell.Id, cell.Name, cell.Role, cell.Method, result.Label, result, result.Evaluation.Phi);

    /// <exception cref="InvalidDataException">A model cell that is not done, or a result or φ file that is missing or stale
    /// (the message names the cell and file).</exception>
    private static PhiPools Pools(Plan plan, CellStore store) =>
        PhiPools.Of(plan.Cells.Where(c => c.MakesModel).SelectMany(cell => store.Models(cell).Select(result => Model(cell, result))).ToArray());
}
