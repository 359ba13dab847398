using System.Text.Json;
using Lethe.Cluster;
using Lethe.IO;
using Lethe.Plans;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cluster;

public class PlanStatusTests
{
    [Fact]
    public void Should_tell_done_running_failed_ready_and_waiting_cells_apart_from_the_store_alone()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var store = PlanFile.StoreOf(plan);
        var cells = plan.Cells;
        HandMadePlan.MarkDone(store, cells[0]);                      // the Original
        using var held = CellLock.TryTake(store.LockPath(cells[1])); // a live worker (this process) holds retrained-s42
        WriteLock(store.LockPath(cells[2]), DeadProcessId());         // a worker of this host that was killed
        CellFailure.Write(store, cells[3], new InvalidDataException("out of disk"));

        var status = PlanStatus.Of(plan, store);

        Assert.Equal(CellState.Done, status[0].State);
        Assert.Equal($"1.5 s on {Environment.MachineName}", status[0].Detail);
        Assert.Equal(CellState.Running, status[1].State);
        Assert.StartsWith($"pid {Environment.ProcessId} on {Environment.MachineName} since", status[1].Detail);
        Assert.Equal(CellState.Failed, status[2].State);
        Assert.Contains("stopped without finishing it", status[2].Detail);
        Assert.Equal(CellState.Failed, status[3].State);
        Assert.StartsWith("out of disk (pid", status[3].Detail);
        Assert.All(status.Skip(4).Take(3), s => Assert.Equal(CellState.Ready, s.State)); // their Original is done
        Assert.Equal(CellState.Waiting, status[7].State);
        Assert.Equal("for retrained-s42, retrained-s43, retrained-s44 and 3 more", status[7].Detail);
        var counts = PlanStatus.Count(status);
        Assert.Equal([1, 1, 2, 3, 1], Enum.GetValues<CellState>().Select(s => counts[s]));
    }

    [Fact]
    public void Should_show_a_cell_done_even_when_an_earlier_attempt_left_a_failure_record()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var store = PlanFile.StoreOf(plan);
        CellFailure.Write(store, plan.Cells[1], new OperationCanceledException());
        Assert.Equal("cancelled (the worker was stopped)", CellFailure.Read(store, plan.Cells[1])!.Message);

        HandMadePlan.MarkDone(store, plan.Cells[1]);

        Assert.Equal(CellState.Done, PlanStatus.Of(plan, store)[1].State);
    }

    internal static void WriteLock(string path, int processId)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var owner = new CellLock.Owner(Environment.MachineName, processId, DateTime.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(-5));
        File.WriteAllText(path, JsonSerializer.Serialize(owner, LetheJson.Options));
    }

    /// <summary>The id of a process that has ended.</summary>
    internal static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }
}
