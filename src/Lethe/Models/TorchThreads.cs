using static TorchSharp.torch;

namespace Lethe.Models;

/// <summary>
/// Sets LibTorch's intra-op thread count for the calling OS thread, and keeps it. LibTorch's count is per OS thread, but
/// a thread's first parallel operation runs a lazy initialisation that sets the count again to whatever value any
/// thread set last (ATen's <c>lazy_init_num_threads</c>): a worker that sets 1 while another thread sets 2 would then
/// compute with 2, and get other bits. Asking for the count first runs that initialisation, so the value set here stays.
/// </summary>
public static class TorchThreads
{
    /// <summary>Uses <paramref name="threads"/> (≥ 1) intra-op threads on this OS thread from now on.</summary>
    public static void Set(int threads)
    {
        _ = get_num_threads();
        set_num_threads(threads);
    }
}
