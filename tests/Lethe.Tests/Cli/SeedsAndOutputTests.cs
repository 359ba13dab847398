using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

public class SeedsAndOutputTests
{
    private static string[] TinyBenchmark(string dir, params string[] extra) =>
    [
        "benchmark", "--no-relearn", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--threads", "1",
        "--out", Path.Combine(dir, "out"), "--cache", Path.Combine(dir, "cache"), .. extra,
    ];

    [Fact]
    public void Varying_the_unlearning_seed_reuses_one_original_writes_a_folder_per_seed_and_prints_no_control_codes()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();
        int code = console.Run(TinyBenchmark(dir.Path, "--methods", "finetune", "--seeds", "2", "--vary", "unlearn"));
        Assert.True(code == 0, console.Error.ToString());
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "seed-42", "results.json")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "seed-43", "results.json")));
        // One Original and one Retrained in the checkpoint cache, trained for the first seed and reused for the second;
        // the store's cells (cache/cells) keep the one Original's weights for the methods.
        var checkpoints = Directory.GetFiles(Path.Combine(dir.Path, "cache"), "*.ckpt", SearchOption.AllDirectories);
        Assert.Equal(2, checkpoints.Count(f => !f.Contains($"{Path.DirectorySeparatorChar}cells{Path.DirectorySeparatorChar}")));
        Assert.Single(checkpoints, f => f.Contains($"{Path.DirectorySeparatorChar}cells{Path.DirectorySeparatorChar}"));
        var output = console.Output.ToString();
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("Original: epoch 1/1", output);
    }

    [Fact]
    public void Quiet_prints_the_table_but_no_progress()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();
        Assert.Equal(0, console.Run(TinyBenchmark(dir.Path, "--methods", "none", "--quiet")));
        var output = console.Output.ToString();
        Assert.DoesNotContain("epoch", output);
        Assert.Contains("Test Acc", output);
    }

    [Fact]
    public void Quiet_and_verbose_together_is_a_usage_error()
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run("benchmark", "--quiet", "--verbose", "--methods", "none"));
    }
}
