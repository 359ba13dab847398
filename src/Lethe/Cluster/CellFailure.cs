using System.Text.Json;
using Lethe.IO;
using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>
/// What a worker records when a cell throws (failed.json in the cell's folder), so that `lethe plan show` can say which
/// cell failed and why without the engine's logs. The next successful run of the cell removes it.
/// </summary>
/// <param name="Message">The error, one line.</param>
/// <param name="Host">Where it ran.</param>
/// <param name="ProcessId">The worker's process id.</param>
/// <param name="When">When it failed.</param>
public sealed record CellFailure(string Message, string Host, int ProcessId, DateTimeOffset When)
{
    public static string PathOf(CellStore store, Cell cell) => Path.Combine(store.FolderOf(cell), "failed.json");

    public static void Write(CellStore store, Cell cell, Exception error)
    {
        var message = error is OperationCanceledException ? "cancelled (the worker was stopped)" : error.Message.ReplaceLineEndings(" ");
        var failure = new CellFailure(message, Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow);
        AtomicFile.WriteAllText(PathOf(store, cell), JsonSerializer.Serialize(failure, LetheJson.Options));
    }

    /// <summary>The recorded failure, or null (none, or unreadable).</summary>
    public static CellFailure? Read(CellStore store, Cell cell)
    {
        var path = PathOf(store, cell);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<CellFailure>(File.ReadAllText(path), LetheJson.Options);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    public static void Clear(CellStore store, Cell cell)
    {
        try { File.Delete(PathOf(store, cell)); } catch (IOException) { }
    }
}
