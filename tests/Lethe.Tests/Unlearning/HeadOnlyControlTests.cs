using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Models;
using Lethe.Training;
using Lethe.Unlearning;
using static TorchSharp.torch;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

/// <summary>
/// The positive control on 8-px coloured images. Retain shows three classes (red, green, blue); the forget set is grey
/// images, a fourth class only the forget set shows, which the Original learns and Retrained never sees.
/// </summary>
[Collection("Unlearning")]
public class HeadOnlyControlTests(HeadOnlyControlTests.World world) : IClassFixture<HeadOnlyControlTests.World>
{
    [Fact]
    public void Should_keep_every_weight_and_BatchNorm_statistic_of_the_Original_but_the_head_so_its_features_are_the_Original_s()
    {
        var (original, head) = (Snapshot(world.Original), Snapshot(world.HeadOnly.Model));

        Assert.False(Same(original["fc.weight"], head["fc.weight"]));
        Assert.False(Same(original["fc.bias"], head["fc.bias"]));
        Assert.All(original.Where(e => !e.Key.StartsWith("fc.", StringComparison.Ordinal)), e => Assert.True(Same(e.Value, head[e.Key]), e.Key));
        Assert.Contains(original.Keys, k => k.EndsWith("running_mean", StringComparison.Ordinal));
        Assert.Equal(world.OriginalBefore.Keys, original.Keys);
        Assert.All(world.OriginalBefore, e => Assert.True(Same(e.Value, original[e.Key]), $"the Original changed: {e.Key}"));
        Assert.Equal(Features(world.Original, world.Forget), Features(world.HeadOnly.Model, world.Forget));
        Assert.Equal(("Head only (control +)", 5 * 2), (world.HeadOnly.Label, world.HeadOnly.Steps)); // 5 epochs × 32 retain images in batches of 16
        Assert.True(world.HeadOnly.Model.parameters().All(p => p.requires_grad), "the frozen weights were handed out frozen");
    }

    [Fact]
    public void Should_forget_in_its_outputs_the_class_only_the_forget_set_taught_the_Original()
    {
        var grey = world.Forget;

        var (original, head, retrained) = (Accuracy(world.Original, grey), Accuracy(world.HeadOnly.Model, grey), Accuracy(world.Retrained, grey));

        TestContext.Current.TestOutputHelper?.WriteLine($"grey: Original {original}, head only {head}, Retrained {retrained}");
        Assert.True(original >= 0.75, $"the fixture's Original did not learn the forget set's class: accuracy {original}");
        // One image of 8 is 0.125: at most one more right than a model that never saw the class.
        Assert.True(head <= retrained + 0.125, $"the head-only control still gives the forget set's class: {head}, Retrained {retrained}");
        Assert.True(Accuracy(world.HeadOnly.Model, world.Retain) >= 0.9, "the new head did not learn retain");
    }

    /// <summary>
    /// The positive control's contract: every test that reads features gives it the Original's numbers, to the bit, so
    /// it is found wherever the Original is. Whether a test finds the Original is the test's own matter: a probe trained
    /// on retain's three classes cannot name a fourth, so no margin over Retrained is asserted here.
    /// </summary>
    [Fact]
    public void Should_get_the_Original_s_numbers_from_every_test_that_reads_features()
    {
        var references = new MetricReferences(Reference.Of(world.Original), Reference.Of(world.Retrained));
        IReadOnlyDictionary<string, MetricValue> Measure(nn.Module<Tensor, Tensor> model) =>
            new IModelMetric[] { new LinearProbeMetric(), new LinearCka(), new IdentityProbe() }
                .SelectMany(metric => metric.Measure(world.MetricContext(model, references)).Select(v => ($"{metric.Name}/{v.Key}", v.Value)))
                .ToDictionary();

        var (head, original) = (Measure(world.HeadOnly.Model), Measure(world.Original));

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("; ", head.Select(v => $"{v.Key} {v.Value.Value?.ToString("F3") ?? v.Value.Missing}")));
        Assert.All(head.Keys.Where(k => k != "linear-probe/recovery"), k => Assert.Equal(original[k], head[k]));
        Assert.All(head.Values, v => Assert.NotNull(v.Value));
        // The one row that reads the outputs too: the features know as much as the Original's, the head less.
        var (ownHead, ownOriginal) = (Accuracy(world.HeadOnly.Model, world.Forget), Accuracy(world.Original, world.Forget));
        Assert.True(ownHead < ownOriginal);
        Assert.Equal(ownOriginal - ownHead, head["linear-probe/recovery"].Value!.Value - original["linear-probe/recovery"].Value!.Value, 12);
    }

    private static double[] Features(nn.Module<Tensor, Tensor> model, ImageSet set) =>
        PenultimateFeatures.Of(model, FourClasses, set, new EvalTransform(World.Side), CPU).Cast<double>().ToArray();

    private static double Accuracy(nn.Module<Tensor, Tensor> model, ImageSet set)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        return FourClasses.Correct(model.call(Images(set)), FourClasses.Targets(set.Samples)).to_type(ScalarType.Float64).mean().item<double>();
    }

    /// <summary>The Original (trained on forget and retain), Retrained (retain only) and the head-only control, made once.</summary>
    public sealed class World : IDisposable
    {
        public const int Side = 8;

        public World()
        {
            Retain = ColouredSet(32, seed: 1, classes: 3, side: Side);
            using (var four = ColouredSet(32, seed: 2, side: Side))
            using (var grey = four.Subset([.. Enumerable.Range(0, four.Count).Where(i => four.Samples[i].Labels[0] == 3)]))
                // Two photos a person, so the identity probe has people to probe.
                Forget = new ImageSet([.. grey.Samples.Select((s, i) => s with { Name = $"grey-{s.Name}", Identity = $"grey-{i / 2}" })], grey.Pixels.clone());
            using (var train = new ImageSet([.. Forget.Samples, .. Retain.Samples], cat([Forget.Pixels, Retain.Pixels])))
                Original = Trained(train, seed: 21, epochs: 20); // the forget set's few images take longer to fit than retain's
            Retrained = Trained(Retain, seed: 22, epochs: 5);
            OriginalBefore = Snapshot(Original);
            HeadOnly = Assert.Single(new HeadOnlyControl().Run(new UnlearningContext
            {
                Original = Original, Task = FourClasses, Forget = Forget, Retain = Retain, TrainTransform = new EvalTransform(Side), BatchSize = BatchSize,
            }));
        }

        public ImageSet Retain { get; }

        /// <summary>Grey images, class 3: a class retain never shows.</summary>
        public ImageSet Forget { get; }

        public nn.Module<Tensor, Tensor> Original { get; }

        public Dictionary<string, float[]> OriginalBefore { get; }

        public nn.Module<Tensor, Tensor> Retrained { get; }

        public UnlearnedModel HeadOnly { get; }

        /// <summary>A metric's view of <paramref name="model"/>.</summary>
        public MetricContext MetricContext(nn.Module<Tensor, Tensor> model, MetricReferences references)
        {
            var data = new BenchmarkData
            {
                Name = "controls", Task = FourClasses, Fingerprint = "controls", Train = Retain, Forget = Forget, Retain = Retain, Test = Retain, Unseen = Retain,
            };
            var outputs = new ModelEvaluation(0.5, null, [0.5], Accuracy(model, Forget), 0.5, 0.5, 0.5, 0, 0.5, 0.5, 8, 8, 0);
            return new MetricContext(model, EvaluationSets.Of(data, new EvaluationOptions()), FourClasses, new EvalTransform(Side), CPU, outputs, references);
        }

        public void Dispose()
        {
            HeadOnly.Model.Dispose();
            foreach (var d in new IDisposable[] { Original, Retrained, Forget, Retain }) d.Dispose();
        }

        /// <summary>Trained to fit its set, the rate cut tenfold for the last third of the epochs.</summary>
        private static nn.Module<Tensor, Tensor> Trained(ImageSet set, int seed, int epochs)
        {
            var model = Networks.Create("resnet18", FourClasses.Outputs, CPU, initSeed: seed);
            var loader = new BatchLoader(set, FourClasses, new EvalTransform(Side), BatchOptions.Training with { BatchSize = BatchSize }, CPU, seed, "train");
            new Trainer().Train(model, FourClasses, loader, new TrainRecipe("tiny", 0.05, 0.9, epochs, [epochs * 2 / 3]), "tiny");
            return model;
        }
    }
}
