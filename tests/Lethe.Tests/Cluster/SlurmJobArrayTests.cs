using Lethe.Cluster;
using Lethe.Plans;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cluster;

/// <summary>
/// A real Slurm run (issue 13): a tiny audit submitted as job arrays to the cluster .ci/slurm-up starts, every cell run
/// by `lethe run-cell` in its own process, compared with the same plan run in this process with the same thread count.
/// </summary>
public class SlurmJobArrayTests
{
    [Fact]
    public void Should_store_from_job_arrays_bit_for_bit_what_a_local_run_of_the_plan_stores()
    {
        SlurmCluster.Require();
        using var dir = new TempDirectory();
        var (plan, path) = TinyClusterPlan.Write(dir.Path, "cluster-store");
        var local = new CellStore(Path.Combine(dir.Path, "local-store"));
        using (var bench = PlanBench.Open(plan)) new PlanRunner(local).Run(bench, jobs: 1);

        var store = PlanFile.StoreOf(plan);
        var options = new SlurmOptions(MaxRunning: 2, Lethe: TinyClusterPlan.LetheCommand(), Wait: TimeSpan.FromMinutes(2), JobName: "lethe-test");
        var submission = SlurmSubmission.Prepare(plan, path, store, null, options, Path.Combine(dir.Path, "slurm"));
        var ids = submission.Submit(Sbatch.Submit);
        Assert.Equal(3, ids.Count); // base models, the method's runs, the score
        SlurmCluster.WaitFor(ids, TimeSpan.FromMinutes(8), () => Logs(dir.Path));

        var status = PlanStatus.Of(plan, store);
        Assert.All(status, s => Assert.True(s.State == CellState.Done, $"{s.Cell.Name}: {s.State} {s.Detail}\n{Logs(dir.Path)}"));
        var compared = StoreComparison.AssertSame(plan, local, store);
        Assert.Equal(7 + 7 + 1, compared); // a φ table and losses per model, the Original's weights
        Assert.Empty(Directory.EnumerateFiles(store.Directory, "*.lock"));
        Assert.Empty(Directory.EnumerateFiles(store.Directory, "*.tmp", SearchOption.AllDirectories));
    }

    internal static string Logs(string root)
    {
        var folder = Path.Combine(root, "slurm", "logs");
        return Directory.Exists(folder)
            ? string.Join("\n", Directory.EnumerateFiles(folder).Order().Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : "(no logs)";
    }
}
