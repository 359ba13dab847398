using Lethe.Plans;
using Lethe.Reports;
using Lethe.Experiments;
using Lethe.Numerics;

namespace Lethe.Cluster;

/// <summary>
/// The state of every cell of a plan, read from the shared store alone (done records, locks, failure records), so it
/// is the same from any node and needs no engine: what `lethe plan show` prints.
/// </summary>
public static class PlanStatus
{
    /// <summary>The cells in plan order with their states.</summary>
    public static IReadOnlyList<CellStatus> Of(Plan plan, CellStore store)
    {
        var done = plan.Cells.ToDictionary(c => c.Id, store.TryDone);
        return plan.Cells.Select(cell => StatusOf(plan, store, cell, done)).ToArray();
    }

    /// <summary>How many cells are in each state (every state present, zero or not).</summary>
    public static IReadOnlyDictionary<CellState, int> Count(IEnumerable<CellStatus> cells)
    {
        var counts = Enum.GetValues<CellState>().ToDictionary(s => s, _ => 0);
        foreach (var cell in cells) counts[cell.State]++;
        return counts;
    }

    private static CellStatus StatusOf(Plan plan, CellStore store, Cell cell, IReadOnlyDictionary<string, CellDone?> done)
    {
        if (done[cell.Id] is { } finished)
            return new CellStatus(cell, CellState.Done, $"{finished.Seconds:F1} s on {finished.Host}{Headlines(store, cell, finished)}");
        var lockPath = store.LockPath(cell);
        if (File.Exists(lockPath))
        {
            var owner = CellLock.Read(lockPath);
            var who = owner is null ? "a worker" : $"pid {owner.ProcessId} on {owner.Host}";
            return CellLock.IsStale(lockPath)
                ? new CellStatus(cell, CellState.Failed, $"{who} stopped without finishing it (killed?)")
                : new CellStatus(cell, CellState.Running, (owner is null ? "locked" : $"{who} since {owner.Taken:u}") + Epochs(store, cell));
        }
        if (store.UnusableDone(cell) is { } unusable)
            return new CellStatus(cell, CellState.Failed, $"its done record is unusable ({unusable}); running the cell makes it again");
        if (CellFailure.Read(store, cell) is { } failure)
            return new CellStatus(cell, CellState.Failed, $"{failure.Message} (pid {failure.ProcessId} on {failure.Host}, {failure.When:u})");
        var missing = cell.DependsOn.Where(id => done[id] is null).Select(id => plan.ById(id).Name).ToArray();
        if (missing.Length == 0) return new CellStatus(cell, CellState.Ready, "");
        var names = missing.Length <= 3 ? string.Join(", ", missing) : $"{string.Join(", ", missing.Take(3))} and {missing.Length - 3} more";
        return new CellStatus(cell, CellState.Waiting, $"for {names}");
    }

    /// <summary>Each stored model's headline numbers, so a long run's results can be read as they come.</summary>
    private static string Headlines(CellStore store, Cell cell, CellDone finished)
    {
        var results = store.Results(cell);
        var lines = finished.Labels.Select(label => results.TryGet(label) switch
        {
            null => null,
            { Diverged: true } => $"{label}: diverged, no numbers",
            var r => $"{label}: test {NumberText.Of(r.Evaluation.TestAccuracy)}, MIA {NumberText.Of(r.Evaluation.ForgettingScore)}, NoMUS {NumberText.Of(r.Evaluation.Nomus)}",
        }).OfType<string>().ToArray();
        return lines.Length == 0 ? "" : "; " + string.Join("; ", lines);
    }

    /// <summary>A base model's finished epochs (from its per-epoch checkpoint), so a run of hours shows how far it is.</summary>
    private static string Epochs(CellStore store, Cell cell)
    {
        if (cell.Role is not (CellRole.Original or CellRole.Retrained)) return "";
        var history = new Training.EpochCheckpoint(store.TrainingPrefix(cell)).Finished();
        return history.Count == 0 ? "" : $"; epoch {history.Count} done, {history[^1].ImagesPerSecond:F0} img/s";
    }
}
