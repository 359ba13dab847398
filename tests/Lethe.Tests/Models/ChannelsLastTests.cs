using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Models;

/// <summary>
/// Scoring in channels-last order must give the contiguous pass's numbers (within float rounding) and hand the model
/// back untouched, because the Original that every method copies and trains is scored first.
/// </summary>
public class ChannelsLastTests
{
    [Fact]
    public void Order_keeps_shape_and_values_and_stores_channels_innermost()
    {
        using var x = arange(2 * 3 * 4 * 5, dtype: ScalarType.Float32).reshape(2, 3, 4, 5);

        using var nhwc = ChannelsLast.Order(x);

        Assert.Equal(x.shape, nhwc.shape);
        Assert.True(nhwc.equal(x).all().item<bool>());
        Assert.Equal([60L, 1, 15, 3], nhwc.stride()); // C is the fastest-moving index: NHWC in memory
    }

    [Fact]
    public void Scores_equal_those_of_a_plain_contiguous_pass_within_float_rounding()
    {
        using var data = TinyData.Classes(150, size: 16);
        using var model = Spread(Networks.Create("resnet18", 8, CPU, initSeed: 3));
        var plain = SetScorer.Score(model, MultiClassTask.AgeGroups, data, new EvalTransform(16), CPU, channelsLast: false);

        var scores = SetScorer.Score(model, MultiClassTask.AgeGroups, data, new EvalTransform(16), CPU);

        Assert.Equal(plain.Accuracy, scores.Accuracy);
        Assert.Equal(plain.Top2Accuracy, scores.Top2Accuracy);
        Assert.InRange(plain.Accuracy, 0.01, 0.99); // a model always right or always wrong would prove little
        for (int i = 0; i < plain.Losses.Length; i++) Assert.Equal(plain.Losses[i], scores.Losses[i], 1e-5 * Math.Max(1, plain.Losses[i]));
        Assert.NotEqual(plain.Losses, scores.Losses); // bit-identical losses would mean the channels-last kernels never ran
    }

    [Fact]
    public void Scoring_gives_every_parameter_back_bit_for_bit_and_stride_for_stride()
    {
        using var data = TinyData.Classes(20, size: 16);
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 4);
        var before = model.named_parameters().ToDictionary(p => p.name, p => (Bytes: p.parameter.bytes.ToArray(), Strides: p.parameter.stride()));

        SetScorer.Score(model, MultiClassTask.AgeGroups, data, new EvalTransform(16), CPU);

        foreach (var (name, parameter) in model.named_parameters())
        {
            Assert.Equal(before[name].Strides, parameter.stride());
            Assert.True(parameter.is_contiguous(), $"{name} is no longer contiguous");
            Assert.Equal(before[name].Bytes, parameter.bytes.ToArray());
        }
    }

    [Fact]
    public void A_model_scored_before_training_trains_exactly_as_one_never_scored()
    {
        using var data = TinyData.Classes(20, size: 16);
        using var scored = Networks.Create("resnet18", 8, CPU, initSeed: 5);
        using var untouched = Networks.Create("resnet18", 8, CPU, initSeed: 5);
        SetScorer.Score(scored, MultiClassTask.AgeGroups, data, new EvalTransform(16), CPU);

        TrainSteps(scored, data);
        TrainSteps(untouched, data);

        var reference = untouched.state_dict();
        foreach (var (name, value) in scored.state_dict())
            Assert.True(value.equal(reference[name]).all().item<bool>(), $"{name} differs after training: scoring changed the model");
    }

    /// <summary>fc weights × 50: logits far apart, so float rounding cannot flip an argmax and accuracies must agree exactly.</summary>
    private static nn.Module<Tensor, Tensor> Spread(nn.Module<Tensor, Tensor> model)
    {
        using var noGrad = no_grad();
        model.named_parameters().Single(p => p.name == "fc.weight").parameter.mul_(50);
        return model;
    }

    private static void TrainSteps(nn.Module<Tensor, Tensor> model, ImageSet set)
    {
        model.train();
        using var optimizer = optim.SGD(model.parameters(), 0.01, 0.9);
        var loader = new BatchLoader(set, MultiClassTask.AgeGroups, new EvalTransform(16), BatchOptions.Evaluation with { BatchSize = 10 }, CPU, 0, "eval");
        foreach (var batch in loader.Epoch())
            using (batch)
            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                MultiClassTask.AgeGroups.Loss(model.call(batch.Images), batch.Targets).backward();
                optimizer.step();
            }
    }
}
