using System.Diagnostics;
using System.Text.Json;
using Lethe.IO;
using Lethe.Plans;
using Lethe.Tests.Support;

namespace Lethe.Tests.Plans;

public class CellLockTests
{
    [Fact]
    public void Should_give_a_cell_to_one_taker_until_it_is_released()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cell.lock");

        using (var first = CellLock.TryTake(path))
        {
            Assert.NotNull(first);
            Assert.Null(CellLock.TryTake(path));
            Assert.Equal(Environment.ProcessId, CellLock.Read(path)!.ProcessId);
        }
        Assert.False(File.Exists(path));
        using var again = CellLock.TryTake(path);
        Assert.NotNull(again);
    }

    [Fact]
    public void Should_take_over_a_lock_whose_process_is_gone_but_not_one_from_another_host()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "cell.lock");
        // A process that has exited: what kill -9 leaves behind.
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        Write(path, new CellLock.Owner(Environment.MachineName, gone.Id, DateTime.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow));
        Assert.True(CellLock.IsStale(path));
        using (var taken = CellLock.TryTake(path)) Assert.NotNull(taken);

        Write(path, new CellLock.Owner("another-node", 1, DateTime.UtcNow, DateTimeOffset.UtcNow));
        Assert.False(CellLock.IsStale(path));
        Assert.Null(CellLock.TryTake(path));
    }

    private static void Write(string path, CellLock.Owner owner) => File.WriteAllText(path, JsonSerializer.Serialize(owner, LetheJson.Options));
}
