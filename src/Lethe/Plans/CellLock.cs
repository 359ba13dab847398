using System.Diagnostics;
using System.Text.Json;
using Lethe.IO;

namespace Lethe.Plans;

/// <summary>
/// A lock on one cell: a file created with exclusive create (O_CREAT|O_EXCL, atomic on local and NFS v3+ file
/// systems), holding the host, process id and process start time of its owner. Two workers asking for the same cell
/// get it once. A lock left by a killed worker on this host (its process gone, or another process now has its id) is
/// stale and is taken over; a lock from another host is trusted, since its process cannot be checked from here.
/// </summary>
public sealed class CellLock : IDisposable
{
    private readonly string _path;

    private CellLock(string path) => _path = path;

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
        if (owner.Host != Environment.MachineName) return false;
        return !IsAlive(owner.ProcessId, owner.ProcessStart);
    }

    public void Dispose()
    {
        try { File.Delete(_path); } catch (IOException) { }
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
