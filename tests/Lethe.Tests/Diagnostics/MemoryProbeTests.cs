using Lethe.Diagnostics;
using static TorchSharp.torch;

namespace Lethe.Tests.Diagnostics;

/// <summary>Alone in the process (a peak is process-wide): another test's allocations would move it.</summary>
[CollectionDefinition("Memory peaks", DisableParallelization = true)]
public sealed class MemoryPeaksCollection;

[Collection("Memory peaks")]
public sealed class MemoryProbeTests
{
    private const long Block = 384L << 20;

    [Fact]
    public void A_window_opened_beside_another_keeps_its_peak_and_a_lone_window_starts_afresh()
    {
        if (!File.Exists("/proc/self/clear_refs")) Assert.Skip("the kernel's high-water mark cannot be reset here (not Linux)");
        using (MemoryProbe.OpenWindow())
        {
            using (var big = ones(Block, ScalarType.Byte)) { } // touched, then handed back to the OS (a large block is mmapped)
            using (MemoryProbe.OpenWindow())
            {
                // Resetting here would hide the first window's peak from it: the second must not.
                Assert.True(MemoryProbe.PeakMiB() > MemoryProbe.ResidentMiB() + 0.75 * Block / (1 << 20),
                    $"peak {MemoryProbe.PeakMiB():F0} MiB, resident {MemoryProbe.ResidentMiB():F0} MiB");
            }
        }
        using (MemoryProbe.OpenWindow())
            Assert.True(MemoryProbe.PeakMiB() < MemoryProbe.ResidentMiB() + 0.25 * Block / (1 << 20),
                $"peak {MemoryProbe.PeakMiB():F0} MiB, resident {MemoryProbe.ResidentMiB():F0} MiB");
    }
}
