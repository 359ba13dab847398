using System.Text.Json;
using Lethe.IO;
using Lethe.Plans;
using Lethe.Tests.Support;

namespace Lethe.Tests.Plans;

/// <summary>Locks across hosts: a live holder keeps its lock fresh; one killed on another node stops doing so.</summary>
public class CellLockHeartbeatTests
{
    [Fact]
    public void Should_take_over_a_lock_of_another_host_only_once_its_holder_stopped_touching_it()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cell.lock");
        var owner = new CellLock.Owner("another-node", 1, DateTime.UtcNow, DateTimeOffset.UtcNow);
        File.WriteAllText(path, JsonSerializer.Serialize(owner, LetheJson.Options));

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - CellLock.StaleAfter + TimeSpan.FromMinutes(1));
        Assert.False(CellLock.IsStale(path));
        Assert.Null(CellLock.TryTake(path));

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - CellLock.StaleAfter - TimeSpan.FromMinutes(1));
        Assert.True(CellLock.IsStale(path));
        using var taken = CellLock.TryTake(path);
        Assert.NotNull(taken);
        Assert.Equal(Environment.MachineName, CellLock.Read(path)!.Host);
    }

    [Fact]
    public void Should_keep_touching_a_held_lock_until_it_is_released()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cell.lock");
        var heartbeat = CellLock.Heartbeat;
        CellLock.Heartbeat = TimeSpan.FromMilliseconds(50);
        try
        {
            using (var held = CellLock.TryTake(path))
            {
                Assert.NotNull(held);
                var old = DateTime.UtcNow.AddHours(-1);
                File.SetLastWriteTimeUtc(path, old);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (File.GetLastWriteTimeUtc(path) == old && clock.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(20);
                Assert.True(DateTime.UtcNow - File.GetLastWriteTimeUtc(path) < TimeSpan.FromMinutes(1), "the holder did not touch its lock");
            }
            Thread.Sleep(200); // a beat after release must not bring the file back
            Assert.False(File.Exists(path));
        }
        finally
        {
            CellLock.Heartbeat = heartbeat;
        }
    }
}
