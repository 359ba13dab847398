using System.Security.Cryptography;
using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Numerics;
using Lethe.Training;
using Lethe.Unlearning;
using static TorchSharp.torch;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

/// <summary>The negative control: a second Retrained, on 8-px images with a one-epoch recipe.</summary>
[Collection("Unlearning")]
public class RetrainedControlTests
{
    private const int Side = 8;

    private static readonly TrainRecipe Recipe = new("tiny/retrained", 0.05, 0.9, 2, [], BatchSize: 8);

    [Fact]
    public void Should_train_on_every_retain_image_each_epoch_and_on_no_forget_image()
    {
        using var retain = ColouredSet(24, seed: 1, side: Side);
        using var forget = ColouredSet(16, seed: 2, side: Side);
        var seen = new SeenImages(new EvalTransform(Side));

        var result = Assert.Single(new RetrainedControl().Run(Context(retain, forget, seen), new RetrainedControlHyperParameters()));

        using var model = result.Model;
        Assert.Equal(2 * retain.Count, seen.Hashes.Count);
        Assert.Equal(Hashes(retain).Order(), seen.Hashes.Distinct().Order());
        Assert.Empty(seen.Hashes.Intersect(Hashes(forget)));
        Assert.Equal(("Retrained, other seed (control −)", 2 * 3, false), (result.Label, result.Steps, result.Diverged));
    }

    [Fact]
    public void Should_repeat_to_the_bit_for_a_seed_and_differ_from_the_Retrained_of_that_seed()
    {
        using var retain = ColouredSet(24, seed: 1, side: Side);
        using var forget = ColouredSet(8, seed: 2, side: Side);
        Dictionary<string, float[]> Control()
        {
            using var model = new RetrainedControl().Run(Context(retain, forget), new RetrainedControlHyperParameters())[0].Model;
            return Snapshot(model);
        }

        var (first, second) = (Control(), Control());
        // The run's Retrained of the same seed, made as a benchmark makes it (its streams "init/retrained", "train/retrained").
        var stream = BaseModelKey.StreamName(CellRole.Retrained);
        using var retrained = Networks.Create("resnet18", FourClasses.Outputs, CPU, Seeds.Derive(Seeds.Default, $"init/{stream}"));
        new Trainer().Train(retrained, FourClasses, new BatchLoader(retain, FourClasses, new EvalTransform(Side),
            BatchOptions.Training with { BatchSize = Recipe.BatchSize }, CPU, Seeds.Default, $"train/{stream}"), Recipe,
            cancel: TestContext.Current.CancellationToken);

        Assert.All(first, e => Assert.True(Same(e.Value, second[e.Key]), e.Key));
        Assert.False(Same(first["conv1.weight"], Snapshot(retrained)["conv1.weight"]));
    }

    [Fact]
    public void Should_refuse_to_run_without_the_run_s_Retrained_recipe()
    {
        using var retain = ColouredSet(8, seed: 1, side: Side);
        var context = new UnlearningContext
        {
            Original = null!, Task = FourClasses, Forget = retain, Retain = retain, TrainTransform = new EvalTransform(Side),
        };

        var error = Assert.Throws<InvalidOperationException>(() => new RetrainedControl().Run(context));

        Assert.StartsWith("retrained-other-seed: the context holds no Retrained recipe", error.Message);
    }

    private static UnlearningContext Context(ImageSet retain, ImageSet forget, IImageTransform? transform = null) => new()
    {
        Original = null!, // a second Retrained never reads the Original
        Task = FourClasses, Forget = forget, Retain = retain, TrainTransform = transform ?? new EvalTransform(Side),
        RetrainedRecipe = Recipe,
    };

    private static IEnumerable<string> Hashes(ImageSet set) =>
        Enumerable.Range(0, set.Count).Select(i => Hash(set.Pixels[i]));

    private static string Hash(Tensor image) => Convert.ToHexString(SHA256.HashData(image.contiguous().data<byte>().ToArray()));

    /// <summary>The evaluation transform, noting the pixels of every image it is given.</summary>
    private sealed class SeenImages(IImageTransform inner) : IImageTransform
    {
        public List<string> Hashes { get; } = [];

        public int Size => inner.Size;

        public Tensor Apply(Tensor pixels, Generator random)
        {
            lock (Hashes)
                for (var i = 0; i < pixels.shape[0]; i++) Hashes.Add(Hash(pixels[i]));
            return inner.Apply(pixels, random);
        }
    }
}
