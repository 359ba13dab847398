using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class SsdTests
{
    [Fact]
    public void Should_dampen_only_weights_far_more_important_to_forget_by_lambda_global_over_forget()
    {
        using var retain = ColouredSet(48, seed: 1);
        using var forget = ColouredSet(16, seed: 2, shuffledLabels: true);
        using var original = NewModel(FourClasses);
        var context = Context(original, FourClasses, forget, retain);
        var hyper = new SsdHyperParameters { Alpha = 2 };
        Dictionary<string, float[]> global, local;
        using (var loop = new UnlearningLoop(context, "ssd", ["SSD"]))
        using (var f = loop.GradientPass(loop.Loader(forget, "importance", augment: false).Epoch(),
                   b => FourClasses.Loss(loop.Model.call(b.Images), b.Targets), g => g.square(), average: true))
        {
            var g = SsdImportances.Global(loop);
            (global, local) = (Flat(g), Flat(f));
        }
        var before = Snapshot(original);

        var result = Assert.Single(new Ssd().Run(context, hyper));

        using var model = result.Model;
        var after = Snapshot(model);
        int dampened = 0, selectedCount = 0, weightCount = 0;
        foreach (var (name, weights) in Snapshot(original, buffers: false))
            for (int i = 0; i < weights.Length; i++)
            {
                var selected = local[name][i] > global[name][i] * (float)hyper.Alpha;
                var expected = selected ? weights[i] * Math.Min(global[name][i] * (float)hyper.Lambda / local[name][i], 1f) : weights[i];
                Assert.Equal(expected, after[name][i], 1e-6f * Math.Abs(weights[i]));
                if (selected && after[name][i] != weights[i]) dampened++;
                if (selected) selectedCount++;
                weightCount++;
            }
        Assert.True(dampened > 0);
        Assert.Equal(0, result.Steps);
        Assert.Equal(StartingModel.No, result.Unchanged);
        Assert.DoesNotContain("changed no weight", result.Note ?? "");
        Assert.StartsWith(FormattableString.Invariant($"dampened {selectedCount:N0} of {weightCount:N0} weights ("), result.Note);
        Assert.Contains("every seed", result.Note);
        Assert.All(before.Where(e => e.Key.Contains("running_")), e => Assert.True(Same(e.Value, after[e.Key]), e.Key));
    }

    [Fact]
    public void Should_say_it_changed_no_weight_when_the_forget_set_is_over_one_alpha_of_the_training_set()
    {
        using var retain = ColouredSet(48, seed: 1);
        using var forget = ColouredSet(16, seed: 2, shuffledLabels: true); // a quarter of train, over 1/α = 1/10
        using var original = NewModel(FourClasses);
        var before = Snapshot(original);

        var result = Assert.Single(new Ssd().Run(Context(original, FourClasses, forget, retain), new SsdHyperParameters()));

        using var model = result.Model;
        Assert.All(Snapshot(model), e => Assert.True(Same(e.Value, before[e.Key]), e.Key));
        Assert.Equal(StartingModel.ChangedNoWeight, result.Unchanged);
        Assert.StartsWith("changed no weight", result.Note);
        Assert.Contains("α = 10", result.Note);
    }

    [Fact]
    public void Should_reuse_the_global_importances_of_the_same_original_for_a_second_forget_request()
    {
        using var retain = ColouredSet(48, seed: 1);
        using var first = ColouredSet(16, seed: 2);
        using var second = ColouredSet(16, seed: 3);
        using var train = ColouredSet(64, seed: 4);
        using var original = NewModel(FourClasses);
        using var other = NewModel(FourClasses, seed: 2);
        ParameterTensors Global(Lethe.Data.ImageSet forget, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model)
        {
            using var loop = new UnlearningLoop(new UnlearningContext
            {
                Original = model, Task = FourClasses, Forget = forget, Retain = retain, Train = train,
                TrainTransform = new Lethe.Data.Transforms.EvalTransform(Side), BatchSize = BatchSize,
            }, "ssd", ["SSD"]);
            return SsdImportances.Global(loop);
        }

        Assert.Same(Global(first, original), Global(second, original));
        Assert.NotSame(Global(first, original), Global(first, other));
    }

    [Fact]
    public void Should_give_the_same_model_for_every_seed_and_say_so()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var forget = ColouredSet(16, seed: 2);
        using var original = NewModel(FourClasses);
        // α = 2: the forget set is a third of train, so the default α = 10 would select no weight (and say that instead).
        UnlearnedModel Run(long seed) => Assert.Single(new Ssd().Run(new UnlearningContext
        {
            Original = original, Task = FourClasses, Forget = forget, Retain = retain,
            TrainTransform = new Lethe.Data.Transforms.TrainTransform(Side), BatchSize = BatchSize, Seed = seed,
        }, new SsdHyperParameters { Alpha = 2 }));

        var (a, b) = (Run(1), Run(2));

        using (a.Model)
        using (b.Model)
            Assert.All(Snapshot(a.Model), e => Assert.True(Same(e.Value, Snapshot(b.Model)[e.Key]), e.Key));
        Assert.False(new Ssd().DependsOnSeed);
        Assert.Contains("every seed", a.Note);
    }

    private static Dictionary<string, float[]> Flat(ParameterTensors tensors) =>
        tensors.Names.ToDictionary(n => n, n => tensors[n].flatten().data<float>().ToArray());
}
