using Lethe.Plans;
using Lethe.Tests.Support;
using Lethe.Experiments;
using Lethe.Tests.Experiments;

namespace Lethe.Tests.Plans;

public class PlanCostTests
{
    [Fact]
    public void Should_count_done_cells_and_time_the_rest_from_the_cells_already_timed()
    {
        using var dir = new TempDirectory();
        using var audit = TinyAudit.Prepare(dir.Path, n: 4);
        var (plan, store) = (audit.Plan, audit.Store);
        var images = audit.Bench.Data.Train.Count;
        void Done(Cell cell, double seconds) => MarkDone(store, cell, seconds, images);
        // The Original, two Retrained and two fine-tuning cells are done; two of each of the latter are left.
        Done(plan.Cells.Single(c => c.Role == CellRole.Original), 30);
        foreach (var cell in plan.Cells.Where(c => c.Role == CellRole.Retrained).Take(2)) Done(cell, 20);
        foreach (var cell in plan.Cells.Where(c => c.Role == CellRole.Unlearned).Take(2)) Done(cell, 4);

        var cost = PlanCost.Estimate(audit.Bench, store);

        Assert.Equal(9, cost.Cells);
        Assert.Equal(5, cost.Done);
        Assert.Equal(4, cost.ToDo);
        Assert.Equal(2, cost.ByRole[CellRole.Retrained]);
        Assert.Equal(2, cost.ByRole[CellRole.Unlearned]);
        Assert.Null(cost.TrainImagesPerSecond); // everything was timed by done cells: no calibration ran
        // Two jobs × one thread on this machine's cores: (2 × 20 s + 2 × 4 s) spread over min(jobs, cores) jobs.
        var parallel = Math.Clamp(Environment.ProcessorCount, 1, 2);
        Assert.Equal((2 * 20 + 2 * 4) / (double)parallel, cost.EstimatedSeconds, 9);
        Assert.Contains(cost.Basis, b => b.StartsWith("finetune: mean of its done cells (4.0 s)"));
    }

    [Fact]
    public void Should_not_time_an_Original_to_train_by_one_that_was_loaded_from_a_file()
    {
        using var dir = new TempDirectory();
        using var audit = TinyAudit.Prepare(dir.Path, n: 4);
        var (plan, store) = (audit.Plan, audit.Store);
        var images = audit.Bench.Data.Train.Count;
        var original = plan.Cells.Single(c => c.Role == CellRole.Original);
        // Two Originals of other plans in the same store: one trained (30 s), one loaded from a file (1 s).
        void Elsewhere(string id, double seconds, bool given) => MarkDone(store, original with { Id = id }, seconds, images, given);
        Elsewhere("trained-elsewhere", 30, given: false);
        Elsewhere("loaded-elsewhere", 1, given: true);

        var cost = PlanCost.Estimate(audit.Bench, store);

        Assert.Contains(cost.Basis, b => b.StartsWith("Original: mean of 1 done cells (30.0 s)"));
    }

    [Fact]
    public void Should_count_a_benchmarks_relearning_curves_unless_cached_and_none_with_no_relearn()
    {
        // Given a tiny benchmark plan with relearning on: fine-tuning gives one model, UNSIR two
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"), ["finetune", "unsir"]) with { NoRelearn = false };
        var plan = BenchmarkPlanner.For(spec, null);
        using var bench = PlanBench.Open(plan);
        var store = new CellStore(Path.Combine(dir.Path, "store"));

        // When nothing is done, each method's model and the Original and Retrained relearn once
        var cost = PlanCost.Estimate(bench, store);
        Assert.Equal(5, cost.RelearnCurves);
        Assert.Contains(cost.Basis, b => b.StartsWith("relearning test: 5 curves of 4 steps × 16 images = 320 training images, about ", StringComparison.Ordinal)
            && b.EndsWith(" img/s (3 of the methods' models, 2 of Originals and Retrained)", StringComparison.Ordinal));

        // When the Original's cell is made, it is done with its curve, and its done.json says what relearning took of its time
        var original = plan.Cells.Single(c => c.Role == CellRole.Original);
        Assert.Equal(CellOutcome.Made, new CellRunner(bench, store).Run(original, TestContext.Current.CancellationToken));
        Assert.True(store.TryDone(original)!.RelearnSeconds > 0);
        Assert.Equal(4, PlanCost.Estimate(bench, store).RelearnCurves);
        // ... and a store without that cell still finds its curve in the cache
        var cached = PlanCost.Estimate(bench, new CellStore(Path.Combine(dir.Path, "other-store")));
        Assert.Equal(4, cached.RelearnCurves);
        Assert.Contains(cached.Basis, b => b.EndsWith($"(3 of the methods' models, 1 of Originals and Retrained; 1 more already in {Path.Combine(spec.CacheDirectory, "relearn")})",
            StringComparison.Ordinal));

        // And with --no-relearn the estimate says nothing of it
        var skipping = BenchmarkPlanner.For(spec with { NoRelearn = true }, null);
        using var skippingBench = PlanBench.Open(skipping);
        var skipped = PlanCost.Estimate(skippingBench, store);
        Assert.Equal(0, skipped.RelearnCurves);
        Assert.DoesNotContain(skipped.Basis, b => b.Contains("relearn", StringComparison.Ordinal));
    }

    /// <summary>Records <paramref name="cell"/> as done in <paramref name="seconds"/> on a train set of <paramref name="images"/>.</summary>
    private static void MarkDone(CellStore store, Cell cell, double seconds, int images, bool given = false) => store.MarkDone(
        new CellDone(cell.Id, cell.Name, cell.Role, cell.Method, [], seconds, images, DateTimeOffset.UtcNow, "test", given), cell);
}
