using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Tests.Experiments;
using Lethe.Tests.Support;

namespace Lethe.Tests.Plans;

/// <summary>The relearning test inside a benchmark's cells: every model gets its rows, and the Original's and
/// Retrained's curves are made once, in their own cells, then read by every method's.</summary>
public class CellRunnerRelearnTests
{
    [Fact]
    public void Every_model_gets_relearning_rows_and_the_base_curves_are_made_once_for_all_methods()
    {
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"), ["finetune", "ssd"]) with { NoRelearn = false };
        var events = new List<RunEvent>();

        var run = new BenchmarkRunner(new SyncProgress<RunEvent>(e => { lock (events) events.Add(e); }))
            .Run(spec, "lethe benchmark (test)", TestContext.Current.CancellationToken);

        foreach (var model in run.Models)
        {
            var m = model.Evaluation.Metrics;
            TestContext.Current.TestOutputHelper?.WriteLine($"{model.Label}: U_T {m["relearn/forget"].Value}, recovery {m["relearn/recovery"].Value?.ToString() ?? m["relearn/recovery"].Missing}, "
                + $"area {m["relearn/area"].Value?.ToString() ?? m["relearn/area"].Missing}, steps {m["relearn/steps-to-original"].Value?.ToString() ?? m["relearn/steps-to-original"].Missing}");
            Assert.InRange(m["relearn/forget"].Value!.Value, 0, 1);
        }
        var original = run.Models.Single(m => m.Label == "Original").Evaluation.Metrics;
        Assert.Equal("Retrained is made beside the Original", original["relearn/recovery"].Missing);
        Assert.Equal("Retrained is made beside the Original", original["relearn/area"].Missing);
        Assert.Equal(0.0, run.Models.Single(m => m.Label == "Retrained").Evaluation.Metrics["relearn/area"].Value);
        Assert.All(run.Models.Where(m => m.Role == CellRole.Unlearned), m => Assert.NotNull(m.Evaluation.Metrics["relearn/area"].Value));
        // Each method's row carries its own curve, the two it was judged against, and its weight line, for the report's figures.
        Assert.All(run.Models.Where(m => m.Role == CellRole.Unlearned), m => Assert.Equal(
            ["relearn/model", "relearn/original", "relearn/retrained", "weight-line/forget-accuracy", "weight-line/retain-loss"], m.Evaluation.Curves!.Keys.Order()));
        // Made once each, in the base models' cells; both methods read them.
        Assert.Single(events, e => e.Message.StartsWith("relearned Original: 4 steps", StringComparison.Ordinal));
        Assert.Single(events, e => e.Message.StartsWith("relearned Retrained: 4 steps", StringComparison.Ordinal));
        Assert.Equal(2, events.Count(e => e.Message.StartsWith("relearning curve of Original from the cache", StringComparison.Ordinal)));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(spec.CacheDirectory, "relearn"), "*.json").Length);
    }

    [Fact]
    public void No_relearn_shows_every_relearning_row_as_skipped()
    {
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache")) with { NoRelearn = true };

        var run = new BenchmarkRunner().Run(spec, "lethe benchmark --no-relearn (test)", TestContext.Current.CancellationToken);

        Assert.All(run.Models, m => Assert.All(m.Evaluation.Metrics.Where(kv => kv.Key.StartsWith("relearn/", StringComparison.Ordinal)),
            kv => Assert.Equal("skipped (--no-relearn)", kv.Value.Missing)));
        Assert.Equal(4, run.Models[0].Evaluation.Metrics.Count(kv => kv.Key.StartsWith("relearn/", StringComparison.Ordinal)));
    }
}
