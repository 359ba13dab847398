using System.Runtime.InteropServices;

namespace Lethe.Diagnostics;

/// <summary>
/// Keeps LibTorch's memory from fragmenting in glibc's allocator. Batches are made on a background thread and freed on
/// the training thread, and parallel jobs train side by side; glibc then gives each thread its own arena (up to
/// 8 × cores) and freed blocks stay stranded in them, so resident memory grew with every epoch (3.5 GB after one epoch
/// at 64 px, 7.6 GB after three) although no tensor leaked. Two arenas level it off at the same speed, as
/// MALLOC_ARENA_MAX=2 in the environment does; this sets it from inside, so no user needs to know the variable.
/// </summary>
public static class NativeAllocator
{
    /// <summary>mallopt's parameter number for the arena limit (glibc's malloc.h).</summary>
    private const int ArenaMaxParameter = -8;

    /// <summary>The arena limit Lethe sets: measured to stop the growth without slowing training.</summary>
    public const int Arenas = 2;

    private static int _applied;

    /// <summary>
    /// Limits glibc to <see cref="Arenas"/> arenas, once per process, before the first tensor is made. Returns whether
    /// the limit is in force: false off Linux, on a C library without mallopt (musl), or when the user set
    /// MALLOC_ARENA_MAX, which is then left as it is.
    /// </summary>
    public static bool LimitArenas()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1) return Applied;
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null) return Applied = false;
        try
        {
            return Applied = mallopt(ArenaMaxParameter, Arenas) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Applied = false;
        }
    }

    /// <summary>Whether <see cref="LimitArenas"/> set the limit.</summary>
    public static bool Applied { get; private set; }

    /// <summary>
    /// Hands the free pages of every glibc arena back to the system (malloc_trim(0), which since glibc 2.8 also releases
    /// free pages in the middle of a heap, not only at its top). Two arenas stop the growth across threads, but within
    /// an arena the freed activations of an epoch still stay resident (about 25 heaps of 64 MiB each after two epochs at
    /// 64 px); trimming once an epoch keeps the resident size near the live tensors' at the cost of a few milliseconds.
    /// Returns false where there is nothing to call (not Linux, or a C library without malloc_trim).
    /// </summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux() || _trimUnavailable) return false;
        try
        {
            malloc_trim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _trimUnavailable = true;
            return false;
        }
    }

    private static bool _trimUnavailable;

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
