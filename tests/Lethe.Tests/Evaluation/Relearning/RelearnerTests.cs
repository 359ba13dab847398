using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Evaluation.Relearning;
using Lethe.Models;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation.Relearning;

/// <summary>
/// The relearning test's procedure on tiny images whose label shows in the pixels: a positive control (the Original
/// with its head zeroed, which forgot nothing but its last layer) recovers under relearning on retain alone, and
/// Retrained does not gain beyond noise.
/// </summary>
public class RelearnerTests
{
    private static readonly MultiClassTask Task = MultiClassTask.AgeGroups;

    [Fact]
    public void A_model_whose_head_was_zeroed_relearns_its_forget_accuracy_while_Retrained_stays_put()
    {
        // 8-px images keep the three trainings and three relearnings within seconds; the label rule still shows.
        using var forget = Named(TinyData.Classes(32, size: 8, seed: 11), "forget");
        using var retain = Named(TinyData.Classes(96, size: 8, seed: 12), "retain");
        using var train = new ImageSet([.. forget.Samples, .. retain.Samples], cat([forget.Pixels, retain.Pixels]));
        using var original = Trained(train, 21);
        // Retrained as trained to convergence on retain: relearning then has nothing left to teach it about forget.
        using var retrained = Trained(retain, 22);
        using var damaged = Networks.Copy(original, "resnet18", 8, CPU);
        using (no_grad()) damaged.named_parameters().Single(p => p.name == "fc.weight").parameter.zero_();
        var lines = new List<string>();
        var setup = Setup(retain, new RelearnOptions(Steps: 20, LearningRate: 3e-4, BatchSize: 16, ScoreEvery: 10, RetainImages: 64), null, lines);

        var u = Relearner.Run(damaged, forget, Task, new EvalTransform(8), CPU, setup, "damaged");
        var o = Relearner.Run(original, forget, Task, new EvalTransform(8), CPU, setup, "Original");
        var r = Relearner.Run(retrained, forget, Task, new EvalTransform(8), CPU, setup, "Retrained");
        var recovery = RelearnScores.Recovery(u.Final, o.Final, r.Final);
        TestContext.Current.TestOutputHelper?.WriteLine($"U {string.Join(" ", u.ForgetAccuracy)}; O {string.Join(" ", o.ForgetAccuracy)}; "
            + $"R {string.Join(" ", r.ForgetAccuracy)}; recovery {recovery.Value?.ToString() ?? recovery.Missing}");

        Assert.Equal([0, 10, 20], u.Steps);
        Assert.True(u.ForgetAccuracy[0] < o.ForgetAccuracy[0] - 0.2, $"the zeroed head was not damaged: U0 {u.ForgetAccuracy[0]}, O0 {o.ForgetAccuracy[0]}");
        Assert.True(u.Final >= u.ForgetAccuracy[0] + 0.5 * (o.ForgetAccuracy[0] - u.ForgetAccuracy[0]),
            $"the positive control did not recover half its loss: U {u.ForgetAccuracy[0]} → {u.Final}, O0 {o.ForgetAccuracy[0]}");
        // Noise: one forget image is 0.031; two binomial SDs of an accuracy near 0.8 on 32 images are 0.14.
        Assert.True(r.Final <= r.ForgetAccuracy[0] + 0.15, $"Retrained gained more than noise: {r.ForgetAccuracy[0]} → {r.Final}");
        Assert.Contains(lines, l => l.StartsWith("relearned damaged: 20 steps on 64 retain images", StringComparison.Ordinal));
        // The model under test is never changed: its head is still zero.
        Assert.Equal(0f, damaged.named_parameters().Single(p => p.name == "fc.weight").parameter.abs().max().item<float>());
    }

    [Fact]
    public void Relearning_refuses_a_training_subset_that_holds_a_forget_image()
    {
        using var forget = Named(TinyData.Classes(16, seed: 1), "forget");
        using var retain = Named(TinyData.Classes(16, seed: 2), "retain");
        using var mixed = new ImageSet([.. retain.Samples.Take(15), forget.Samples[3]], retain.Pixels.clone());
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        var setup = Setup(mixed, new RelearnOptions(Steps: 1, BatchSize: 4), null, []);

        var e = Assert.Throws<InvalidOperationException>(() => Relearner.Run(model, forget, Task, new EvalTransform(16), CPU, setup, "model"));
        Assert.Contains("1 forget image(s), first forget-img3.jpg", e.Message);
    }

    [Fact]
    public void Relearning_repeats_to_the_bit_for_a_seed()
    {
        using var forget = Named(TinyData.Classes(16, seed: 1), "forget");
        using var retain = Named(TinyData.Classes(32, seed: 2), "retain");
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        var setup = Setup(retain, new RelearnOptions(Steps: 4, LearningRate: 1e-3, BatchSize: 8, ScoreEvery: 2), null, []);

        var a = Relearner.Run(model, forget, Task, new EvalTransform(16), CPU, setup, "a");
        var b = Relearner.Run(model, forget, Task, new EvalTransform(16), CPU, setup, "b");
        Assert.Equal(a.ForgetAccuracy, b.ForgetAccuracy);
    }

    [Fact]
    public void The_Original_and_Retrained_curves_are_computed_once_and_then_read_from_the_cache_folder()
    {
        using var forget = Named(TinyData.Classes(16, seed: 1), "forget");
        using var retain = Named(TinyData.Classes(32, seed: 2), "retain");
        using var original = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        using var retrained = Networks.Create("resnet18", 8, CPU, initSeed: 2);
        using var first = Networks.Create("resnet18", 8, CPU, initSeed: 3);
        using var second = Networks.Create("resnet18", 8, CPU, initSeed: 4);
        using var cache = new TempDirectory();
        var lines = new List<string>();
        // A key of its own, so parallel tests never share these entries.
        var key = Guid.NewGuid().ToString("N");
        var setup = Setup(retain, new RelearnOptions(Steps: 2, LearningRate: 1e-3, BatchSize: 8, ScoreEvery: 1), cache.Path, lines);
        var references = new MetricReferences(Reference.Of(original, key + "/o"), Reference.Of(retrained, key + "/r"));
        MetricResult Measure(nn.Module<Tensor, Tensor> model) =>
            new RelearningMetric().MeasureWithCurves(Context(model, forget, references, RelearnRequest.On(setup)));

        var one = Measure(first);
        Assert.DoesNotContain(lines, l => l.Contains("from the cache"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(cache.Path, "relearn"), "*.json").Length);
        var two = Measure(second);
        Assert.Contains(lines, l => l.StartsWith("relearning curve of Original from the cache", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("relearning curve of Retrained from the cache", StringComparison.Ordinal));
        // Each model's curves: its own, ending at its "forget" row, and the references it was judged against, the same for both.
        Assert.Equal([RelearningMetric.ModelCurve, RelearningMetric.OriginalCurve, RelearningMetric.RetrainedCurve], one.Curves.Keys);
        Assert.Equal([0.0, 1, 2], one.Curves[RelearningMetric.ModelCurve].X);
        Assert.Equal(one.Values["forget"].Value, one.Curves[RelearningMetric.ModelCurve].Y[^1]);
        Assert.Equal(one.Curves[RelearningMetric.OriginalCurve], two.Curves[RelearningMetric.OriginalCurve]);
        Assert.Equal(one.Curves[RelearningMetric.RetrainedCurve], two.Curves[RelearningMetric.RetrainedCurve]);
        ReferenceCurves.ClearMemory(); // a new process: only the files remain
        lines.Clear();
        Assert.Equal(one.Values, Measure(first).Values);
        Assert.Equal(2, lines.Count(l => l.Contains("from the cache")));
        Assert.Equal(3, lines.Count); // and one relearning: the model's own
    }

    [Fact]
    public void Skipped_relearning_fills_every_row_with_the_reason_and_gives_no_curve()
    {
        using var forget = Named(TinyData.Classes(8, seed: 1), "forget");
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        var measured = new RelearningMetric().MeasureWithCurves(Context(model, forget, MetricReferences.None("alone"), RelearnRequest.Skipped));
        Assert.All(measured.Values.Values, v => Assert.Equal("skipped (--no-relearn)", v.Missing));
        Assert.Equal(4, measured.Values.Count);
        Assert.Empty(measured.Curves);
    }

    /// <summary>TinyData names every set's images img0.jpg, img1.jpg, ...: sets of the same test need names of their own.</summary>
    private static ImageSet Named(ImageSet set, string prefix)
    {
        using (set) return new ImageSet([.. set.Samples.Select(s => s with { Name = $"{prefix}-{s.Name}" })], set.Pixels.clone());
    }

    private static nn.Module<Tensor, Tensor> Trained(ImageSet set, int seed)
    {
        var model = Networks.Create("resnet18", 8, CPU, initSeed: seed);
        var loader = new BatchLoader(set, Task, new EvalTransform(set.Height), BatchOptions.Training with { BatchSize = 16 }, CPU, seed, "train");
        new Trainer().Train(model, Task, loader, new TrainRecipe("tiny", 0.05, 0.9, 6, [4]), "tiny", cancel: TestContext.Current.CancellationToken);
        return model;
    }

    private static RelearnSetup Setup(ImageSet retain, RelearnOptions options, string? cache, List<string> lines) =>
        new(options, retain, "resnet18", new EvalTransform(16), 7)
        {
            CacheDirectory = cache, DataKey = "tiny", Progress = new Lethe.Experiments.SyncProgress<string>(l => { lock (lines) lines.Add(l); }),
        };

    private static MetricContext Context(nn.Module<Tensor, Tensor> model, ImageSet forget, MetricReferences references, RelearnRequest relearning)
    {
        var data = new BenchmarkData
        {
            Name = "tiny", Task = Task, Fingerprint = "tiny", Train = TinyData.Classes(8, seed: 1), Forget = forget,
            Retain = TinyData.Classes(8, seed: 3), Test = TinyData.Classes(8, seed: 4), Unseen = TinyData.Classes(8, seed: 5),
        };
        var sets = EvaluationSets.Of(data, new EvaluationOptions());
        var outputs = new ModelEvaluation(0.5, null, [0.5], 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 8, 8, 0);
        return new MetricContext(model, sets, Task, new EvalTransform(16), CPU, outputs, references) { Relearning = relearning };
    }
}
