using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation.Relearning;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Experiments;

/// <summary>
/// The relearning test in `lethe evaluate` (<see cref="FileEvaluator"/>), on the tiny run's data with a few steps: an
/// Original that memorised the forget images is the ceiling, an untrained network the floor, and the model is a copy of
/// the Original, so its recovery is exactly 1.
/// </summary>
public class FileEvaluatorRelearnTests
{
    [Fact]
    public void FileEvaluator_with_an_Original_and_a_Retrained_fills_recovery_area_and_steps_and_a_second_evaluation_relearns_only_the_model()
    {
        // Given an Original that knows the forget images, a Retrained that never saw them, and a model that is the Original
        using var dir = new TempDirectory();
        var spec = Spec(dir);
        using var data = DatasetFactory.Build(spec);
        var original = Path.Combine(dir.Path, "original.ckpt");
        using (var memorised = Memorised(data.Forget, spec.ImageSize)) Checkpoint.Save(memorised, original);
        var model = Path.Combine(dir.Path, "model.ckpt");
        File.Copy(original, model);
        var retrained = Untrained(dir, "retrained.ckpt", 31);
        var (first, second) = (new List<string>(), new List<string>());

        // When it is evaluated twice, as two processes would (only the cache's files are shared)
        var evaluation = new FileEvaluator(new SyncProgress<string>(first.Add)).Run(spec, model, retrained, data: data, originalFile: original);
        var relearnFiles = Directory.GetFiles(Path.Combine(spec.CacheDirectory, "relearn"), "*.json").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        ReferenceCurves.ClearMemory();
        var again = new FileEvaluator(new SyncProgress<string>(second.Add)).Run(spec, model, retrained, data: data, originalFile: original);
        foreach (var line in first.Concat(second)) TestContext.Current.TestOutputHelper?.WriteLine(line);

        // Then the model's rows are filled: it relearns exactly as its Original does, well above Retrained
        var rows = evaluation.Models[0].Evaluation.Metrics;
        Assert.Equal(1.0, rows["relearn/recovery"].Value!.Value, 9);
        Assert.True(rows["relearn/area"].Value > 0.1, $"area {rows["relearn/area"].Value}");
        Assert.InRange(rows["relearn/steps-to-original"].Value!.Value, 0, 4);
        Assert.NotNull(rows["weight-line/forget-mid"].Value);
        Assert.Equal(original, evaluation.Original!.File);
        // ... the cost was said before any relearning, and each curve's time after it
        var cost = first.FindIndex(l => l.StartsWith("relearning test: 3 curves of 4 steps × 16 images = 192 training images, about ", StringComparison.Ordinal));
        Assert.True(cost >= 0 && cost < first.FindIndex(l => l.StartsWith("relearned ", StringComparison.Ordinal)), "no cost line before relearning");
        Assert.EndsWith("(the model's, the Original's, Retrained's)", first[cost]);
        Assert.Single(first, l => l.StartsWith("relearned Original: 4 steps on 32 retain images in ", StringComparison.Ordinal));
        Assert.Single(first, l => l.StartsWith("relearned Retrained: 4 steps", StringComparison.Ordinal));
        // ... and the second evaluation read the Original's and Retrained's curves from the cache's files, untouched
        Assert.Contains(second, l => l.StartsWith("relearning test: 1 curve of 4 steps × 16 images = 64 training images", StringComparison.Ordinal)
            && l.Contains("(the model's); the Original's and Retrained's from " + Path.Combine(spec.CacheDirectory, "relearn")));
        Assert.Equal(["relearned the model"], second.Where(l => l.StartsWith("relearned ", StringComparison.Ordinal)).Select(l => l.Split(':')[0]));
        Assert.Contains(second, l => l.StartsWith("relearning curve of Original from the cache (4 steps, made in ", StringComparison.Ordinal));
        Assert.Contains(second, l => l.StartsWith("relearning curve of Retrained from the cache (4 steps, made in ", StringComparison.Ordinal));
        Assert.Equal(2, relearnFiles.Count);
        Assert.All(relearnFiles, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
        Assert.Equal(rows, again.Models[0].Evaluation.Metrics);
    }

    [Fact]
    public void FileEvaluator_without_an_Original_gives_the_relearned_accuracy_and_says_why_recovery_is_missing()
    {
        using var dir = new TempDirectory();
        var spec = Spec(dir);
        var model = Untrained(dir, "model.ckpt", 32);
        var retrained = Untrained(dir, "retrained.ckpt", 33);

        var rows = new FileEvaluator().Run(spec, model, retrained).Models[0].Evaluation.Metrics;

        Assert.InRange(rows["relearn/forget"].Value!.Value, 0, 1);
        Assert.NotNull(rows["relearn/area"].Value);
        Assert.Equal("no --original given", rows["relearn/recovery"].Missing);
        Assert.Equal("no --original given", rows["relearn/steps-to-original"].Missing);
        Assert.Equal("no --original given", rows["weight-line/forget-mid"].Missing);
    }

    [Fact]
    public void FileEvaluator_with_no_relearn_skips_the_test_and_says_so_in_every_row()
    {
        using var dir = new TempDirectory();
        var spec = Spec(dir) with { NoRelearn = true };
        var model = Untrained(dir, "model.ckpt", 34);
        var lines = new List<string>();

        var rows = new FileEvaluator(new SyncProgress<string>(lines.Add)).Run(spec, model, null, originalFile: model).Models[0].Evaluation.Metrics;

        Assert.All(rows.Where(r => r.Key.StartsWith("relearn/", StringComparison.Ordinal) || r.Key.StartsWith("weight-line/", StringComparison.Ordinal)),
            r => Assert.Equal("skipped (--no-relearn)", r.Value.Missing));
        Assert.DoesNotContain(lines, l => l.Contains("relearn", StringComparison.Ordinal));
    }

    /// <summary>The tiny run's data and a relearning test of 4 steps of 16 images, scored every 2 steps.</summary>
    private static ExperimentSpec Spec(TempDirectory dir) =>
        TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache")) with { NoRelearn = false };

    private static string Untrained(TempDirectory dir, string name, int seed)
    {
        var path = Path.Combine(dir.Path, name);
        using var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: seed);
        Checkpoint.Save(model, path);
        return path;
    }

    /// <summary>A network trained on <paramref name="forget"/> alone until it knows most of it.</summary>
    private static nn.Module<Tensor, Tensor> Memorised(ImageSet forget, int imageSize)
    {
        var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: 30);
        var loader = new BatchLoader(forget, MultiClassTask.AgeGroups, new EvalTransform(imageSize), BatchOptions.Training with { BatchSize = 8 }, CPU, 30, "train");
        new Trainer().Train(model, MultiClassTask.AgeGroups, loader, new TrainRecipe("tiny", 0.05, 0.9, 15, []), "memorise",
            cancel: TestContext.Current.CancellationToken);
        return model;
    }
}
