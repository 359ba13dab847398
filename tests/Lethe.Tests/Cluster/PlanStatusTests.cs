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
        SaveEpochs(store, cells[1], 3);                               // and has finished 3 epochs
        WriteLock(store.LockPath(cells[2]), DeadProcessId());         // a worker of this host that was killed
        CellFailure.Write(store, cells[3], new InvalidDataException("out of disk"));

        var status = PlanStatus.Of(plan, store);

        Assert.Equal(CellState.Done, status[0].State);
        Assert.Equal($"1.5 s on {Environment.MachineName}", status[0].Detail);
        Assert.Equal(CellState.Running, status[1].State);
        Assert.StartsWith($"pid {Environment.ProcessId} on {Environment.MachineName} since", status[1].Detail);
        Assert.EndsWith("; epoch 3 done, 50 img/s", status[1].Detail);
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
    public void Should_say_a_damaged_done_record_is_unusable_rather_than_show_the_cell_ready()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var store = PlanFile.StoreOf(plan);
        var original = plan.Cells[0];
        HandMadePlan.MarkDone(store, original);
        var done = store.DonePath(original);
        File.WriteAllText(done, File.ReadAllText(done)[..20]); // cut short

        var status = PlanStatus.Of(plan, store);

        Assert.False(store.IsDone(original));
        Assert.Equal(CellState.Failed, status[0].State);
        Assert.Equal($"its done record is unusable ({done}: JSON ends early at line 2); running the cell makes it again", status[0].Detail);
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

    [Fact]
    public void Should_show_a_done_cells_headline_numbers_and_a_dash_for_a_number_that_does_not_exist()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var store = PlanFile.StoreOf(plan);
        var original = plan.Cells[0];
        var evaluation = new Lethe.Evaluation.ModelEvaluation(0.4776, 0.72, [0.4776], 0.92, 0.92, 0.50, double.NaN, double.NaN, double.NaN, 0.5, 12, 6, 0);
        store.Results(original).Put(new Lethe.Experiments.ModelResult { Label = "Original", Source = "base", Evaluation = evaluation, Seconds = 9 });
        store.MarkDone(new CellDone(original.Id, original.Name, original.Role, null, ["Original"], 9, 72, DateTimeOffset.UtcNow, "node1"), original);

        Assert.Equal("9.0 s on node1; Original: test 0.4776, MIA –, NoMUS –", PlanStatus.Of(plan, store)[0].Detail);
    }

    /// <summary>A per-epoch checkpoint of <paramref name="epochs"/> epochs of 500 images in 10 s each.</summary>
    private static void SaveEpochs(CellStore store, Cell cell, int epochs)
    {
        using var model = TorchSharp.torch.nn.Linear(2, 2);
        using var optimizer = TorchSharp.torch.optim.SGD(model.parameters(), 0.1);
        var history = Enumerable.Range(1, epochs).Select(e => new Lethe.Training.EpochStats(e, 0.01, 1.0, 0.5, 500, TimeSpan.FromSeconds(10))).ToArray();
        new Lethe.Training.EpochCheckpoint(store.TrainingPrefix(cell)).Save(model, optimizer, history);
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
