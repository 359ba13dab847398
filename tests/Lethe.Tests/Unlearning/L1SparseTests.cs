using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class L1SparseTests
{
    [Fact]
    public void Should_shrink_the_l1_norm_of_the_weights_below_what_the_same_fine_tuning_reaches()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        var context = Context(original, FourClasses, retain, retain);
        var plain = new L1SparseHyperParameters { Epochs = 2, Gamma = 0 };

        using var dense = Assert.Single(new L1Sparse().Run(context, plain)).Model;
        var result = Assert.Single(new L1Sparse().Run(context, plain with { Gamma = 1e-3 }));

        using var sparse = result.Model;
        Assert.Equal(("l1-sparse", 2 * 2), (result.Label, result.Steps));
        Assert.True(L1(sparse) < L1(dense) - 1, $"‖θ‖₁ with the penalty {L1(sparse)}, without {L1(dense)}");
    }

    [Fact]
    public void Should_lower_the_penalty_weight_linearly_from_gamma_towards_zero()
    {
        var hyper = new L1SparseHyperParameters { Gamma = 1e-4, Epochs = 4 };
        double[] expected = [1e-4, 0.75e-4, 0.5e-4, 0.25e-4];
        for (int epoch = 1; epoch <= 4; epoch++)
            Assert.Equal(expected[epoch - 1], L1Sparse.Gamma(hyper, epoch), 15);
    }

    private static double L1(TorchSharp.torch.nn.Module model) =>
        Snapshot(model, buffers: false).Values.Sum(values => values.Sum(v => (double)Math.Abs(v)));
}
