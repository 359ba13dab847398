using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Tests.Models;

public class TorchThreadsTests
{
    /// <summary>The count one thread sets survives another thread setting another before the first one's first
    /// parallel operation; with LibTorch's own set_num_threads it does not (the control).</summary>
    [Fact]
    public void Should_keep_the_thread_count_set_when_another_thread_sets_another_before_the_first_operation()
    {
        Assert.Equal(2, CountAfterOtherThreadSets(1, 2, n => set_num_threads(n)));
        Assert.Equal(1, CountAfterOtherThreadSets(1, 2, TorchThreads.Set));
        Assert.Equal(2, CountAfterOtherThreadSets(2, 1, TorchThreads.Set));
    }

    /// <summary>On a fresh OS thread: set <paramref name="mine"/>, let another fresh thread set <paramref name="other"/>,
    /// run a first matrix product, and read this thread's count.</summary>
    private static int CountAfterOtherThreadSets(int mine, int other, Action<int> set)
    {
        var count = 0;
        var thread = new Thread(() =>
        {
            set(mine);
            var intruder = new Thread(() => set_num_threads(other));
            intruder.Start();
            intruder.Join();
            using var scope = NewDisposeScope();
            var x = ones(64, 64);
            _ = x.matmul(x);
            count = get_num_threads();
        });
        thread.Start();
        thread.Join();
        return count;
    }
}
