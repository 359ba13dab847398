using System.Diagnostics;

namespace Lethe.Diagnostics;

/// <summary>
/// Peak resident memory of this process. On Linux the kernel's high-water mark (VmHWM) can be reset between stages
/// (writing 5 to /proc/self/clear_refs), so each phase of a run gets its own peak; elsewhere it is the process-lifetime peak.
/// LibTorch allocates outside the .NET heap, so GC counters would miss most of it.
/// </summary>
public static class MemoryProbe
{
    private const string Status = "/proc/self/status";
    private const string ClearRefs = "/proc/self/clear_refs";

    private static int _openWindows;

    /// <summary>
    /// Opens a window for <see cref="PeakMiB"/>: the high-water mark is reset only when no other window is open, so
    /// work that overlaps another (cells side by side in one process) gets a peak that includes the other's, which
    /// overstates, and never one reset under its feet, which would understate. Dispose to close.
    /// </summary>
    public static IDisposable OpenWindow()
    {
        if (Interlocked.Increment(ref _openWindows) == 1) ResetPeak();
        return new Window();
    }

    private sealed class Window : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0) Interlocked.Decrement(ref _openWindows);
        }
    }

    /// <summary>Starts a new peak window where the OS allows it, whatever else is running: for a process that does one
    /// thing at a time (the bench harness); work that may overlap uses <see cref="OpenWindow"/>.</summary>
    public static void ResetPeak()
    {
        try
        {
            if (File.Exists(ClearRefs)) File.WriteAllText(ClearRefs, "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not permitted here: the peak then covers the whole process, which only overstates.
        }
    }

    /// <summary>The peak resident set since the last reset (the process's start if none), in MiB.</summary>
    public static double PeakMiB()
    {
        if (StatusKiB("VmHWM:") is { } kb) return kb / 1024.0;
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>
    /// The resident set now, in MiB (the whole process: with two jobs side by side it counts both). Logged after each
    /// training epoch, so that growth from epoch to epoch (allocator fragmentation, a leak) shows in every run.
    /// </summary>
    public static double ResidentMiB()
    {
        if (StatusKiB("VmRSS:") is { } kb) return kb / 1024.0;
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / (1024.0 * 1024.0);
    }

    private static long? StatusKiB(string key)
    {
        if (!File.Exists(Status)) return null;
        foreach (var line in File.ReadLines(Status))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line[key.Length..].Trim().Split(' ')[0]);
        return null;
    }
}
