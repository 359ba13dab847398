using System.Diagnostics;
using Lethe.Cluster;
using Lethe.Plans;
using Lethe.Tests.Support;
using Lethe.Experiments;

namespace Lethe.Tests.Cluster;

public class RunCellCommandTests
{
    [Fact]
    public void Should_exit_75_for_a_cell_whose_inputs_are_not_done()
    {
        using var dir = new TempDirectory();
        var (plan, path) = TinyClusterPlan.Write(dir.Path);
        var unlearned = plan.Cells.First(c => c.Role == CellRole.Unlearned);
        var console = new TestConsole();

        Assert.Equal(CellExit.TryLater, console.Run("run-cell", path, "--index", $"{unlearned.Index}", "--wait", "0.2", "--quiet"));

        Assert.Contains($"cell {unlearned.Index} {unlearned.Name}: not run, waiting for original-s42; try again later (exit 75)", console.Output.ToString());
        Assert.False(Directory.Exists(PlanFile.StoreOf(plan).FolderOf(unlearned)));
    }

    [Fact]
    public void Should_refuse_an_index_outside_the_plan_as_a_bad_option()
    {
        using var dir = new TempDirectory();
        var (_, path) = TinyClusterPlan.Write(dir.Path);
        var console = new TestConsole();

        Assert.Equal(CellExit.Usage, console.Run("run-cell", path, "--index", "8"));

        Assert.Equal("lethe: --index 8: the plan has cells 0..7", console.Error.ToString().Trim());
    }

    // Two worker processes started on one cell at once: one makes it, the other waits and finds it done.
    [Fact]
    public void Should_make_a_cell_once_when_two_worker_processes_start_on_it_at_once()
    {
        using var dir = new TempDirectory();
        var (plan, path) = TinyClusterPlan.Write(dir.Path);
        var cell = plan.Cells.First(c => c.Role == CellRole.Retrained);
        var lethe = Path.Combine(AppContext.BaseDirectory, "Lethe.Cli");

        var workers = Enumerable.Range(0, 2).Select(_ =>
        {
            var start = new ProcessStartInfo(lethe, ["run-cell", path, "--index", $"{cell.Index}", "--wait", "300"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            return Process.Start(start)!;
        }).ToArray();
        var outputs = workers.Select(w => (Output: w.StandardOutput.ReadToEndAsync(), Error: w.StandardError.ReadToEndAsync())).ToArray();
        foreach (var worker in workers) worker.WaitForExit();

        Assert.All(workers, w => Assert.Equal(CellExit.Done, w.ExitCode));
        var said = outputs.Select(o => o.Output.Result + o.Error.Result).ToArray();
        Assert.Single(said, s => s.Contains($"cell {cell.Index} {cell.Name}: made"));
        Assert.Single(said, s => s.Contains($"cell {cell.Index} {cell.Name}: already done"));
        var store = PlanFile.StoreOf(plan);
        Assert.True(store.IsDone(cell));
        Assert.False(store.IsLocked(cell));
        Assert.Single(Directory.EnumerateFiles(store.Directory, "done.json", SearchOption.AllDirectories));
    }
}
