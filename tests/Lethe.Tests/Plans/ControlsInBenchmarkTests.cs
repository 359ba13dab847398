using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Reports;
using Lethe.Tests.Experiments;
using Lethe.Tests.Support;

namespace Lethe.Tests.Plans;

/// <summary>
/// The controls in a benchmark's cells: columns after the methods, compared with the Original and Retrained as a method
/// is, so every row fills in; the Retrained control takes the run's Retrained recipe from the spec.
/// </summary>
public class ControlsInBenchmarkTests
{
    [Fact]
    public void The_controls_are_columns_after_the_methods_whose_feature_and_relearning_rows_fill_in()
    {
        using var dir = new TempDirectory();
        var spec = (TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"), ["finetune"]) with { NoRelearn = false }).WithControls();

        var run = new BenchmarkRunner().Run(spec, "lethe benchmark --controls (test)", TestContext.Current.CancellationToken);
        var files = ReportFiles.WriteRun(run);

        Assert.Equal(["Original", "Retrained", "Fine-tuning", "Head only (control +)", "Retrained, other seed (control −)"], run.Models.Select(m => m.Label));
        var (original, head, second) = (run.Models[0], run.Models[3], run.Models[4]);
        Assert.Equal(("head-only", CellRole.Unlearned), (head.Source, head.Role));
        foreach (var control in new[] { head, second })
            foreach (var row in new[] { "relearn/forget", "relearn/area", "linear-cka/forget", "linear-probe/forget-vs-retrained", "identity-probe/margin", "weight-distance/original" })
                Assert.True(control.Evaluation.Metrics[row].Value is not null, $"{control.Label} {row}: {control.Evaluation.Metrics[row].Missing}");
        // Its features are the Original's, so whatever reads only them reads the same numbers.
        foreach (var row in new[] { "linear-probe/forget", "linear-probe/unseen", "identity-probe/model" })
            Assert.Equal(original.Evaluation.Metrics[row].Value, head.Evaluation.Metrics[row].Value);
        // Only the head moved, and the retain loss is convex in it: no barrier between the Original and head only.
        Assert.InRange(head.Evaluation.Metrics["weight-line/retain-barrier"].Value!.Value, 0, 1e-4);
        // The second Retrained is trained as Retrained is: the run's recipe, 2 epochs over the retain set.
        var recipe = spec.RecipesFor(Lethe.Models.MultiClassTask.AgeGroups).Retrained;
        Assert.Equal(2 * ((run.Data.Retain + recipe.BatchSize - 1) / recipe.BatchSize), second.Steps);
        Assert.Contains("Controls are not unlearning methods but models whose answer is known.", File.ReadAllText(Path.Combine(spec.OutputDirectory, "results.md")));
        Assert.All(files, f => Assert.True(File.Exists(f), f));
    }
}
