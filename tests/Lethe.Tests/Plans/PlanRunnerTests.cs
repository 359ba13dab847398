using Lethe.Plans;
using Lethe.Tests.Cluster;
using Lethe.Tests.Support;

namespace Lethe.Tests.Plans;

public class PlanRunnerTests
{
    // Two workers on one store (as two nodes on a shared file system) against one worker on its own store: the tiny
    // audit plan (N = 3, fine-tuning, 8 cells) at one epoch, the same plan file, the same thread count.
    [Fact]
    public void Should_store_with_two_workers_side_by_side_what_one_worker_stores()
    {
        using var dir = new TempDirectory();
        var (plan, _) = TinyClusterPlan.Write(dir.Path, epochs: 1);
        var (shared, alone) = (new CellStore(Path.Combine(dir.Path, "shared")), new CellStore(Path.Combine(dir.Path, "alone")));

        using (var bench = PlanBench.Open(plan)) new PlanRunner(alone).Run(bench, jobs: 1, TestContext.Current.CancellationToken);
        var workers = new PlanRunner.Summary[2];
        var errors = new Exception?[2];
        // Threads of their own, so that both run at once however busy the thread pool is; each worker builds its own
        // data, as a separate process would.
        var threads = Enumerable.Range(0, 2).Select(w => new Thread(() =>
        {
            try
            {
                using var bench = PlanBench.Open(plan);
                workers[w] = new PlanRunner(shared).Run(bench, jobs: 1);
            }
            catch (Exception e)
            {
                errors[w] = e;
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) thread.Join();
        Assert.All(errors, Assert.Null);

        // Every cell made once between them, and each found the other's cells done.
        Assert.Equal(plan.Cells.Count, workers.Sum(w => w.Made));
        Assert.All(workers, w => Assert.Equal(plan.Cells.Count, w.Made + w.Skipped));
        Assert.All(workers, w => Assert.True(w.Made > 0, "one worker made every cell: they did not run side by side"));
        Assert.Empty(Directory.EnumerateFiles(shared.Directory, "*.lock"));
        // Bit for bit: φ tables, loss files, the Original's weights; every evaluation number; the audit's scores.
        Assert.True(StoreComparison.AssertSame(plan, alone, shared) > 0);
    }
}
