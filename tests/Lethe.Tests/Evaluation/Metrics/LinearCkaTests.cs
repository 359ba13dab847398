using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation.Metrics;

/// <summary>Linear CKA against hand-worked values, and the penultimate features it reads.</summary>
public class LinearCkaTests
{
    [Fact]
    public void On_one_feature_it_is_the_squared_correlation()
    {
        // x̃ = (−1, 0, 1), ỹ = (1, 2, 4) − 7/3 = (−4/3, −1/3, 5/3): (x̃·ỹ)² / (‖x̃‖²‖ỹ‖²) = 3² / (2 · 14/3) = 27/28.
        Assert.Equal(27.0 / 28.0, LinearCka.Of(new double[,] { { 1 }, { 2 }, { 3 } }, new double[,] { { 1 }, { 2 }, { 4 } }), 12);
    }

    [Fact]
    public void It_ignores_rotation_isotropic_scale_and_shift_and_sees_unrelated_features_as_zero()
    {
        var x = new double[,] { { 1, 0.5 }, { -2, 1 }, { 0.3, -1 }, { 2, 2 }, { -1, 0 } };
        var rotated = new double[5, 2];
        var (c, s) = (Math.Cos(0.7), Math.Sin(0.7));
        for (var i = 0; i < 5; i++)
        {
            rotated[i, 0] = 3 * (c * x[i, 0] - s * x[i, 1]) + 10;
            rotated[i, 1] = 3 * (s * x[i, 0] + c * x[i, 1]) - 4;
        }
        Assert.Equal(1.0, LinearCka.Of(x, rotated), 12);
        Assert.Equal(0.0, LinearCka.Of(new double[,] { { 1 }, { -1 }, { 0 }, { 0 } }, new double[,] { { 0 }, { 0 }, { 1 }, { -1 } }), 12);
        Assert.True(double.IsNaN(LinearCka.Of(new double[,] { { 1 }, { 1 } }, new double[,] { { 1 }, { 2 } })), "no variance: no number");
        Assert.Throws<ArgumentException>(() => LinearCka.Of(new double[2, 1], new double[3, 1]));
    }

    [Fact]
    public void ResNet18_has_512_penultimate_features_per_image_and_is_left_unchanged()
    {
        var model = Networks.Create("resnet18", 8, CPU, 2);
        var set = TinyData.Classes(5, seed: 1);
        var before = model.parameters().Select(p => p.clone()).ToArray();
        var features = PenultimateFeatures.Of(model, MultiClassTask.AgeGroups, set, new Lethe.Data.Transforms.EvalTransform(16), CPU);
        Assert.Equal((5, 512), (features.GetLength(0), features.GetLength(1)));
        Assert.All(model.parameters().Zip(before), p => Assert.True(p.First.allclose(p.Second, rtol: 0, atol: 0)));
        // The last layer applied to these features gives the model's logits.
        var logits = model.call(new Lethe.Data.BatchLoader(set, MultiClassTask.AgeGroups, new Lethe.Data.Transforms.EvalTransform(16),
            Lethe.Data.BatchOptions.Evaluation, CPU, 0, "eval").Epoch().First().Images);
        var fc = (nn.Module<Tensor, Tensor>)model.named_children().Last().module;
        var fromFeatures = fc.call(tensor(features).to_type(ScalarType.Float32));
        Assert.True(logits.allclose(fromFeatures, rtol: 1e-4, atol: 1e-4));
    }
}
