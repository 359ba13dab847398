using Lethe.Plans;
using Lethe.Tests.Support;
using Lethe.Experiments;

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

    /// <summary>Records <paramref name="cell"/> as done in <paramref name="seconds"/> on a train set of <paramref name="images"/>.</summary>
    private static void MarkDone(CellStore store, Cell cell, double seconds, int images, bool given = false) => store.MarkDone(
        new CellDone(cell.Id, cell.Name, cell.Role, cell.Method, [], seconds, images, DateTimeOffset.UtcNow, "test", given), cell);
}
