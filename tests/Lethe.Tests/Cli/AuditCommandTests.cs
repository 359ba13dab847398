using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

public class AuditCommandTests
{
    [Fact]
    public void Dry_run_prints_the_plan_and_its_cost_and_trains_nothing()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();
        var store = Path.Combine(dir.Path, "store");

        var code = console.Run("audit", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--n", "4", "--methods", "finetune,ssd",
            "--threads", "1", "--jobs", "2", "--store", store, "--out", Path.Combine(dir.Path, "out"), "--cache", Path.Combine(dir.Path, "cache"),
            "--dry-run");

        var output = console.Output.ToString();
        Assert.Equal(0, code);
        var flat = string.Join(" ", output.Split('\n', StringSplitOptions.TrimEntries)); // the test console wraps at 80 columns
        Assert.Contains("audit fixed-original, N = 4: 10 models to have (1 original, 4 retrained, 5 unlearned); 0 already done, 10 to make", flat);
        Assert.Contains("estimated time: ", output);
        Assert.Contains("flag: ssd does not depend on its seed", flat);
        Assert.Contains("dry run: nothing trained", output);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "plan.json")));
        Assert.False(Directory.Exists(store) && Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public void A_bad_mode_or_n_is_one_line_and_exit_2()
    {
        var console = new TestConsole();

        Assert.Equal(2, console.Run("audit", "--mode", "sideways", "--dry-run"));
        Assert.Equal(2, new TestConsole().Run("audit", "--n", "2", "--preset", "quick", "--image-size", "16", "--dry-run",
            "--out", Path.Combine(Path.GetTempPath(), "lethe-n2"), "--store", Path.Combine(Path.GetTempPath(), "lethe-n2-store")));
        Assert.Equal("lethe: --mode: 'sideways' is not one of fixed-original, population (see 'lethe audit --help')", console.Error.ToString().TrimEnd());
    }
}
