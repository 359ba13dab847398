using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class SalUnTests
{
    [Fact]
    public void Should_leave_every_masked_out_weight_bit_identical_despite_momentum_and_weight_decay()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var forget = ColouredSet(32, seed: 2);
        using var original = NewModel(FourClasses);
        var context = Context(original, FourClasses, forget, retain);
        var hyper = new SalUnHyperParameters { Epochs = 2, WeightDecay = 0.05 }; // a large decay would show any leak
        var before = Snapshot(original, buffers: false);
        Dictionary<string, bool[]> frozen;
        using (var loop = new UnlearningLoop(context, "salun", ["SalUn"]))
        using (var mask = SalUn.FrozenMask(loop, hyper.Share))
            frozen = mask.Names.ToDictionary(n => n, n => mask[n].flatten().data<bool>().ToArray());

        var result = Assert.Single(new SalUn().Run(context, hyper));

        using var model = result.Model;
        var after = Snapshot(model, buffers: false);
        long total = 0, kept = 0, moved = 0;
        foreach (var (name, isFrozen) in frozen)
            for (int i = 0; i < isFrozen.Length; i++, total++)
            {
                var same = BitConverter.SingleToInt32Bits(before[name][i]) == BitConverter.SingleToInt32Bits(after[name][i]);
                if (isFrozen[i]) Assert.True(same, $"{name}[{i}] is masked out but moved");
                else if (!same) moved++;
                if (isFrozen[i]) kept++;
            }
        Assert.Equal(total - total / 2, kept); // the top half by saliency trains
        Assert.True(moved > total / 4, $"{moved} of {total / 2} salient weights moved");
        Assert.Equal(("SalUn", 2 * (2 + 2)), (result.Label, result.Steps));
    }

    [Fact]
    public void Should_rank_weights_by_the_magnitude_of_the_forget_gradient()
    {
        using var forget = ColouredSet(32, seed: 2);
        using var original = NewModel(FourClasses);
        using var loop = new UnlearningLoop(Context(original, FourClasses, forget, forget), "salun", ["SalUn"]);
        using var saliency = loop.GradientPass(loop.Loader(forget, "saliency").Epoch(),
            b => -FourClasses.Loss(loop.Model.call(b.Images), b.Targets), g => g);

        using var frozen = SalUn.FrozenMask(loop, 0.1);

        var salient = frozen.Names.SelectMany(n => Zip(saliency[n], frozen[n]).Where(e => !e.Frozen)).Min(e => e.Saliency);
        var rest = frozen.Names.SelectMany(n => Zip(saliency[n], frozen[n]).Where(e => e.Frozen)).Max(e => e.Saliency);
        Assert.True(salient >= rest, $"least salient trained weight {salient} < most salient frozen weight {rest}");
    }

    private static IEnumerable<(float Saliency, bool Frozen)> Zip(TorchSharp.torch.Tensor saliency, TorchSharp.torch.Tensor frozen) =>
        saliency.abs().flatten().data<float>().ToArray().Zip(frozen.flatten().data<bool>().ToArray());
}
