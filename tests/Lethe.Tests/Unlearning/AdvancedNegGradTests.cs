using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class AdvancedNegGradTests
{
    /// <summary>How much the retain loss may rise while the forget loss is pushed up (random init: about ln 4 = 1.39).</summary>
    private const double RetainLossBound = 0.1;

    [Fact]
    public void Should_raise_the_forget_loss_while_holding_the_retain_loss()
    {
        using var retain = ColouredSet(64, seed: 1);
        using var forget = ColouredSet(32, seed: 2, shuffledLabels: true);
        using var original = NewModel(FourClasses);
        var forgetLossBefore = Loss(original, FourClasses, forget);
        var retainLossBefore = Loss(original, FourClasses, retain);

        var result = Assert.Single(new AdvancedNegGrad().Run(Context(original, FourClasses, forget, retain),
            new AdvancedNegGradHyperParameters { Lr = 0.01, Epochs = 1 }));

        using var model = result.Model;
        var (forgetLossAfter, retainLossAfter) = (Loss(model, FourClasses, forget), Loss(model, FourClasses, retain));
        Assert.Equal("Advanced Grad Asc", result.Label);
        Assert.Equal(4, result.Steps);
        Assert.True(forgetLossAfter > forgetLossBefore + 0.05, $"forget loss {forgetLossBefore} -> {forgetLossAfter}");
        Assert.True(retainLossAfter < retainLossBefore + RetainLossBound, $"retain loss {retainLossBefore} -> {retainLossAfter}");
    }
}
