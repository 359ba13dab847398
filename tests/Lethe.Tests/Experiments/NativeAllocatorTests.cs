using Lethe.Experiments;
using Lethe.Diagnostics;

namespace Lethe.Tests.Experiments;

public class NativeAllocatorTests
{
    [Fact]
    public void The_arena_limit_is_set_on_glibc_linux_unless_the_user_chose_one()
    {
        bool applied = NativeAllocator.LimitArenas();
        bool userChose = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null;
        // This machine runs glibc; elsewhere (or with the variable set) the call must report that it changed nothing.
        bool glibc = OperatingSystem.IsLinux() && File.Exists("/lib/x86_64-linux-gnu/libc.so.6");
        Assert.Equal(glibc && !userChose, applied);
        Assert.Equal(applied, NativeAllocator.LimitArenas()); // idempotent
    }
}
