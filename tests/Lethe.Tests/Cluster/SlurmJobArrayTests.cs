using System.Text.RegularExpressions;
using Lethe.Cluster;
using Lethe.Plans;
using Lethe.Tests.Support;
using Lethe.Experiments;

namespace Lethe.Tests.Cluster;

/// <summary>
/// A real Slurm run (issue 13): a tiny audit submitted as job arrays to the cluster .ci/slurm-up starts, every cell run
/// by `lethe run-cell` in its own process, compared with the same plan run in this process with the same thread count.
/// </summary>
public class SlurmJobArrayTests
{
    [Fact]
    public void Should_finish_a_plan_whose_worker_was_killed_mid_model_and_store_bit_for_bit_what_a_local_run_stores()
    {
        SlurmCluster.Require();
        using var dir = new TempDirectory();
        var (plan, path) = TinyClusterPlan.Write(dir.Path, "cluster-store");
        var local = new CellStore(Path.Combine(dir.Path, "local-store"));
        // The local run has a checkpoint cache of its own, or the workers would find its base models there and train none.
        var localPlan = plan with { Spec = plan.Spec with { CacheDirectory = Path.Combine(dir.Path, "local-cache") } };
        using (var bench = PlanBench.Open(localPlan)) new PlanRunner(local).Run(bench, jobs: 1, TestContext.Current.CancellationToken);

        var store = PlanFile.StoreOf(plan);
        // The default 5-s pause before a rerun: the window in which the killed cell must show as failed.
        var options = new SlurmOptions(MaxRunning: 2, Lethe: TinyClusterPlan.LetheCommand(), Wait: TimeSpan.FromMinutes(2), JobName: "lethe-test");
        var submission = SlurmSubmission.Prepare(plan, path, store, null, options, Path.Combine(dir.Path, "slurm"));
        var ids = submission.Submit(Sbatch.Submit);
        Assert.Equal(3, ids.Count); // base models, the method's runs, the score

        // SIGKILL one worker in the middle of its model: after its first epoch of two is saved, before it is done.
        var victim = plan.Cells.First(c => c.Role == CellRole.Retrained);
        var killed = KillMidModel(store, victim, TimeSpan.FromMinutes(5), () => SlurmJobArrayTests.Logs(dir.Path));
        AssertFailedUntilRerun(plan, store, victim, killed);
        SlurmCluster.WaitFor(ids, TimeSpan.FromMinutes(8), () => Logs(dir.Path));

        var status = PlanStatus.Of(plan, store);
        Assert.All(status, s => Assert.True(s.State == CellState.Done, $"{s.Cell.Name}: {s.State} {s.Detail}\n{Logs(dir.Path)}"));
        // Nothing lost, nothing made twice: every cell made by exactly one worker, the killed one by its rerun.
        var logs = plan.Cells.ToDictionary(c => c.Index, c => File.ReadAllText(Path.Combine(dir.Path, "slurm", "logs", $"cell-{c.Index}.log")));
        foreach (var cell in plan.Cells)
        {
            Assert.Single(Regex.Matches(logs[cell.Index], $"cell {cell.Index} {Regex.Escape(cell.Name)}: made"));
            Assert.Equal(cell == victim ? 2 : 1, Regex.Matches(logs[cell.Index], @"lethe: cell \d+ attempt \d+,").Count);
        }
        Assert.Contains($"lethe: cell {victim.Index} attempt 1 exit 137", logs[victim.Index]);
        // The rerun resumed at the saved epoch: it trained epoch 2 only.
        var rerun = logs[victim.Index][logs[victim.Index].IndexOf($"lethe: cell {victim.Index} attempt 2,", StringComparison.Ordinal)..];
        Assert.Contains($"{victim.Name}: epoch 2/2", rerun);
        Assert.DoesNotContain($"{victim.Name}: epoch 1/2", rerun);
        var compared = StoreComparison.AssertSame(plan, local, store);
        Assert.Equal(7 + 7 + 1, compared); // a φ table and losses per model, the Original's weights
        Assert.Empty(Directory.EnumerateFiles(store.Directory, "*.lock"));
        Assert.Empty(Directory.EnumerateFiles(store.Directory, "*.tmp", SearchOption.AllDirectories));
        Assert.Null(CellFailure.Read(store, victim));
        Assert.NotEqual(0, killed);

        // lethe collect: the report from the cluster's store, with the local run's scores.
        var console = new TestConsole();
        Assert.Equal(0, console.Run("collect", path));
        Assert.Contains($"scored 7 models of {path}", console.Output.ToString());
        var localScore = Path.Combine(local.FolderOf(plan.Cells[^1]), CellRunner.AuditResultFile);
        Assert.Equal(StoreComparison.Without(localScore, "Cost"), StoreComparison.Without(Path.Combine(dir.Path, "audit.json"), "Cost"));
        Assert.True(File.Exists(Path.Combine(dir.Path, "report.html")));
    }

    /// <summary>Waits until the cell's worker has saved an epoch and still holds the cell, then SIGKILLs it; returns its pid.</summary>
    private static int KillMidModel(CellStore store, Cell cell, TimeSpan timeout, Func<string> diagnosis)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = store.TrainingPrefix(cell) + ".progress.json";
        while (clock.Elapsed < timeout)
        {
            if (store.IsDone(cell)) Assert.Fail($"{cell.Name} finished before it could be killed\n{diagnosis()}");
            if (File.Exists(progress) && CellLock.Read(store.LockPath(cell)) is { } owner)
            {
                using var worker = System.Diagnostics.Process.GetProcessById(owner.ProcessId);
                worker.Kill(); // SIGKILL on Unix
                worker.WaitForExit();
                Assert.False(store.IsDone(cell));
                return owner.ProcessId;
            }
            Thread.Sleep(20);
        }
        Assert.Fail($"{cell.Name} never reached its second epoch within {timeout.TotalMinutes:F0} min\n{diagnosis()}");
        return 0;
    }

    /// <summary>
    /// The killed cell shows as failed while its stale lock names the killed worker. Read in that order, because the
    /// task's rerun may take the lock over first on a loaded machine (as it once did in CI); then it must be
    /// running under another process.
    /// </summary>
    private static void AssertFailedUntilRerun(Plan plan, CellStore store, Cell victim, int killed)
    {
        var state = PlanStatus.Of(plan, store)[victim.Index].State;
        var holder = CellLock.Read(store.LockPath(victim))?.ProcessId;
        if (holder == killed) Assert.Equal(CellState.Failed, state);
        else Assert.True(state is CellState.Failed or CellState.Running, $"{victim.Name}: {state}, lock held by {holder}");
    }

    internal static string Logs(string root)
    {
        var folder = Path.Combine(root, "slurm", "logs");
        return Directory.Exists(folder)
            ? string.Join("\n", Directory.EnumerateFiles(folder).Order().Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : "(no logs)";
    }
}
