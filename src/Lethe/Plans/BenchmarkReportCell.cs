using Lethe.Audit;
using Lethe.Experiments;
using Lethe.Reports;

namespace Lethe.Plans;

/// <summary>
/// The report cells of a benchmark plan. A run's cell writes the run's folder as `lethe benchmark` writes it (models/
/// with each model's result, per-sample losses and φ under the run's result hash; results.json, .csv and .md;
/// report.html), from the stored models of its cells; the summary cell writes the sweep's report over the seeds'
/// folders in every format. Nothing is trained or evaluated, so a report cell takes seconds and `lethe collect` can
/// always run it again.
/// </summary>
public static class BenchmarkReportCell
{
    /// <summary>Writes what <paramref name="cell"/> reports; returns the files written.</summary>
    /// <exception cref="InvalidDataException">A cell it reads that is not done, or a missing stored file (named).</exception>
    public static IReadOnlyList<string> Write(PlanBench bench, CellStore store, Cell cell) =>
        cell.Seed is null
            // The seeds' folders were written by other cells, maybe on other machines: reading them is the only way here.
            ? ReportFiles.Write(SummaryReport.Read(bench.Plan.Spec.OutputDirectory), bench.Plan.Spec.OutputDirectory).Files
            // No total wall time: the cells ran where and when the engine put them, and each model's Time is its own.
            : ReportFiles.WriteRun(Record(bench, store, cell));

    /// <summary>
    /// The record of the run <paramref name="cell"/> reports, with each model's result, per-sample losses and φ written
    /// to the run's folder under its result hash; the report files are the caller's to write.
    /// </summary>
    /// <param name="madeEarlier">True for a cell whose model was made before this run: its base model is shown as
    /// loaded from the cache, with when it was made, since its Time is not this run's.</param>
    /// <exception cref="InvalidDataException">A cell it reads that is not done, or a missing stored file (named).</exception>
    /// <param name="asGiven">The run's spec as the user gave it, whose result hash the folder carries (`lethe benchmark`:
    /// its automatic thread and job counts stay unresolved, so a folder written by an earlier Lethe resumes); default the
    /// plan's own run spec.</param>
    public static RunRecord Record(PlanBench bench, CellStore store, Cell cell, Func<Cell, bool>? madeEarlier = null,
        ExperimentSpec? asGiven = null)
    {
        var plan = bench.Plan;
        var run = asGiven ?? BenchmarkPlanner.RunOf(plan, cell);
        var data = bench.For(cell).Data;
        var inputs = cell.DependsOn.Select(plan.ById).ToArray();
        var retrained = inputs.First(c => c.Role == CellRole.Retrained);
        // The report's cells are its run's models, then (with --pool) the pool's other Retrained models.
        var pool = inputs.Where(c => c.Role == CellRole.Retrained && c != retrained).Prepend(retrained).ToArray();
        var models = Models(store, inputs.Except(pool.Skip(1)).ToArray(), madeEarlier ?? (_ => false));
        if (pool.Length > 1) models = WithPeople(models, store, pool);
        var results = new RunStore(run.OutputDirectory, run.ResultHash(), RunPhiMetadata.Of(run, data.Task, bench.Provenance));
        foreach (var model in models) results.Put(model);
        var quirks = QuirkInForce.Of(MethodPlan.Resolve(run, data.Task), run.RecipesFor(data.Task), originalGiven: run.OriginalFile is not null);
        return new RunRecord(bench.Provenance, run, run.ResultHash(), DatasetFactory.Summarise(data), models, double.NaN, quirks);
    }

    /// <summary>
    /// The run's models in the cells' order (Original, Retrained, then each method's), with the speed-up the benchmark
    /// reports: Retrained's training time over the model's own time (1 for Retrained, none for Original).
    /// </summary>
    private static ModelResult[] Models(CellStore store, IReadOnlyList<Cell> cells, Func<Cell, bool> madeEarlier)
    {
        var stored = cells.Select(c => (Cell: c, Models: store.Models(c).Select(m => Earlier(m, c, store, madeEarlier)).ToArray())).ToArray();
        var retrained = stored.Single(s => s.Cell.Role == CellRole.Retrained).Models[0].Seconds;
        return stored.SelectMany(s => s.Models.Select(m => s.Cell.Role switch
        {
            CellRole.Original => m,
            CellRole.Retrained => m with { SpeedUp = 1.0 },
            _ => m with { SpeedUp = retrained / Math.Max(m.Seconds, 1e-9) },
        })).ToArray();
    }

    /// <summary>
    /// Each model's per-person test against the pool (`--pool K`, <see cref="PersonPoolTest"/>): the run's Retrained is
    /// one of the pool, so it is judged against the other K − 1, and the share of people it flags is the test's own
    /// false-positive level in this run.
    /// </summary>
    private static ModelResult[] WithPeople(ModelResult[] models, CellStore store, IReadOnlyList<Cell> pool)
    {
        var phi = pool.Select(c => new NamedPhi($"{c.Name} ({c.Id})", store.Models(c).Single().Evaluation.Phi)).ToArray();
        return models.Select(m =>
        {
            var others = m.Role == CellRole.Retrained ? phi[1..] : phi;
            return m with { People = PersonPoolTest.Of(PersonPoolTest.StoreSource, others, new NamedPhi(m.Label, m.Evaluation.Phi), 0, 0).Exposure() };
        }).ToArray();
    }

    /// <summary>A base model whose cell was done before this run, as a cached one: loaded, with when it was made.</summary>
    private static ModelResult Earlier(ModelResult model, Cell cell, CellStore store, Func<Cell, bool> madeEarlier) =>
        model.IsBase && model.Given is null && !model.FromCache && madeEarlier(cell)
            ? model with { FromCache = true, CachedAt = store.TryDone(cell)?.Finished }
            : model;
}
