using Lethe.Cluster;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

/// <summary>`--controls` adds the two controls after the methods of `lethe benchmark` and `lethe plan benchmark`.</summary>
public class ControlsOptionTests
{
    [Fact]
    public void Plan_benchmark_with_controls_plans_them_after_the_methods_and_all_alone_does_not()
    {
        using var dir = new TempDirectory();
        IReadOnlyList<string?> Methods(string name, params string[] args)
        {
            var path = Path.Combine(dir.Path, name, "plan.json");
            var console = new TestConsole();
            var code = console.Run(["plan", "benchmark", "--no-relearn", "--preset", "audit", "--epochs", "1", "--threads", "1",
                "--cache", Path.Combine(dir.Path, "cache"), "--out", path, .. args]);
            Assert.True(code == 0, console.Error.ToString());
            return PlanFile.Read(path).Cells.Where(c => c.Method is not null).Select(c => c.Method).ToArray();
        }

        Assert.Equal(["finetune", "head-only", "retrained-other-seed"], Methods("controls", "--methods", "finetune", "--controls"));
        Assert.Equal(Lethe.Unlearning.MethodRegistry.Keys, Methods("all", "--methods", "all"));
        Assert.Equal(["head-only"], Methods("named", "--methods", "head-only"));
    }

    [Fact]
    public void Benchmark_with_controls_checks_their_settings_before_anything_trains()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();

        var code = console.Run("benchmark", "--no-relearn", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--threads", "1", "--methods", "none",
            "--controls", "--set", "head-only.lr=0", "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "out"));

        Assert.Equal((2, "lethe: head-only.lr must be a positive number, got 0"), (code, console.Error.ToString().TrimEnd()));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cache")));
    }
}
