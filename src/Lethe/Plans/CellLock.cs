using System.Diagnostics;
using System.Text.Json;
using Lethe.IO;

namespace Lethe.Plans;

/// <summary>
/// A lock on one cell: a file created with exclusive create (O_CREAT|O_EXCL, atomic on local and NFS v3+ file
/// systems), holding the host, process id and process start time of its owner. Two workers asking for the same cell
/// get it once. A lock left by a killed worker on this host (its process gone, or another process now has its id) is
/// stale and is taken over. A lock from another host cannot be checked that way (its process id means nothing here), so
/// its holder touches the file every <see cref="Heartbeat"/> while it holds it, and a lock of another host untouched
/// for <see cref="StaleAfter"/> is stale: on a cluster, a task killed on one node does not block its rerun on another.
/// </summary>
public sealed class CellLock : IDisposable
{
    /// <summary>How often a held lock's file gets a new modification time.</summary>
    public static TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A lock of another host not touched for this long is stale (20 missed heartbeats: slow shared file
    /// systems and small clock differences between nodes do not break a live lock).</summary>
    public static TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    private readonly string _path;
    private readonly Timer _heartbeat;

    private CellLock(string path)
    {
        _path = path;
        _heartbeat = new Timer(_ => Touch(), null, Heartbeat, Heartbeat);
    }

    /// <summary>Who holds a lock.</summary>
    public sealed record Owner(string Host, int ProcessId, DateTime ProcessStart, DateTimeOffset Taken);

    /// <summary>Takes the lock at <paramref name="path"/>, or returns null when a live worker holds it.</summary>
    public static CellLock? TryTake(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    JsonSerializer.Serialize(stream, Me(), LetheJson.Options);
                    stream.Flush(flushToDisk: true);
                }
                return new CellLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (!IsStale(path)) return null;
                // Removing a stale lock races with other workers doing the same; the exclusive create decides who wins.
                try { File.Delete(path); } catch (IOException) { }
            }
        }
        return null;
    }

    /// <summary>The owner written in a lock file, or null when it is unreadable (being written, or damaged).</summary>
    public static Owner? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Owner>(File.ReadAllText(path), LetheJson.Options);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>True when the lock's owner is a process of this host that no longer runs.</summary>
    public static bool IsStale(string path)
    {
        var owner = Read(path);
        if (owner is null)
            // Unreadable: a worker may be writing it this instant; only an old unreadable file is a leftover.
            return File.Exists(path) && DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > TimeSpan.FromMinutes(1);
        if (owner.Host != Environment.MachineName) return DateTime.UtcNow - File.GetLastWriteTimeUtc(path) > StaleAfter;
        return !IsAlive(owner.ProcessId, owner.ProcessStart);
    }

    public void Dispose()
    {
        _heartbeat.Dispose();
        try { File.Delete(_path); } catch (IOException) { }
    }

    private void Touch()
    {
        // Gone (released, or taken over after all) or unwritable: nothing to keep alive.
        try { File.SetLastWriteTimeUtc(_path, DateTime.UtcNow); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static Owner Me()
    {
        using var me = Process.GetCurrentProcess();
        return new Owner(Environment.MachineName, me.Id, me.StartTime.ToUniversalTime(), DateTimeOffset.UtcNow);
    }

    private static bool IsAlive(int processId, DateTime started)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            // A reused id belongs to a process that started later.
            return !process.HasExited && Math.Abs((process.StartTime.ToUniversalTime() - started).TotalSeconds) < 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
