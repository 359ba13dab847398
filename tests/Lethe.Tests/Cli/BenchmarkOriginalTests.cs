using System.Diagnostics;
using Lethe.Tests.Support;
using static Lethe.Tests.Training.PyTorchFixtures;

namespace Lethe.Tests.Cli;

/// <summary>`lethe benchmark --original FILE` checks the file before it builds data or trains anything.</summary>
public class BenchmarkOriginalTests(ITestOutputHelper output)
{
    [Fact]
    public void A_bad_original_fails_in_seconds_with_one_line_and_exit_code_1()
    {
        using var dir = new TempDirectory();
        var bad = Path.Combine(dir.Path, "bad.pth");
        WriteTinyStateDict(bad, ResNetKeys(8).Where(k => k != "fc.bias"));
        var console = new TestConsole();

        var clock = Stopwatch.StartNew();
        int code = console.Run("benchmark", "--original", bad, "--quiet",
            "--out", Path.Combine(dir.Path, "out"), "--cache", Path.Combine(dir.Path, "cache"));
        clock.Stop();

        output.WriteLine($"refused in {clock.Elapsed.TotalSeconds:F2} s: {console.Error.ToString().Trim()}");
        Assert.Equal(1, code);
        Assert.Equal($"lethe: --original: {bad}: missing key fc.bias, which resnet18 for task 'age' needs", console.Error.ToString().TrimEnd());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(["bad.pth"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }
}
