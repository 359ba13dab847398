using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class CatastrophicForgettingTests
{
    [Fact]
    public void Should_train_only_layer3_layer4_and_the_head_with_k_3()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        var before = Snapshot(original);

        var result = Assert.Single(new CatastrophicForgetting().Run(Context(original, FourClasses, retain, retain),
            new CatastrophicForgettingHyperParameters { Lr = 0.01, Epochs = 1 }));

        using var model = result.Model;
        var after = Snapshot(model);
        Assert.Equal("CF-3", result.Label);
        AssertParameters(before, after, unchanged: ["conv1.", "bn1.", "layer1.", "layer2."], changed: ["layer3.", "layer4.", "fc."]);
        // Frozen BatchNorm layers still track batch statistics in training mode, as in the reference.
        Assert.False(Same(before["layer1.0.bn1.running_mean"], after["layer1.0.bn1.running_mean"]));
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void Should_follow_an_override_of_k()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        var before = Snapshot(original);
        var method = MethodRegistry.Get("cf");
        var hyper = HyperParameterOverrides.Apply(MethodRegistry.Defaults(UnlearningVariant.MultiClass),
            ["cf.k=2", "cf.epochs=1", "cf.lr=0.01"])["cf"];

        var result = Assert.Single(method.Run(Context(original, FourClasses, retain, retain), hyper));

        using var model = result.Model;
        Assert.Equal(["CF-2"], method.LabelsFor(hyper));
        Assert.Equal("CF-2", result.Label);
        AssertParameters(before, Snapshot(model), unchanged: ["conv1.", "layer1.", "layer2.", "layer3."], changed: ["layer4.", "fc."]);
    }

    [Fact]
    public void Should_reject_k_outside_the_network()
    {
        using var retain = ColouredSet(16, seed: 1);
        var error = Assert.Throws<ArgumentException>(() => new CatastrophicForgetting().Run(
            Context(null!, FourClasses, retain, retain), new CatastrophicForgettingHyperParameters { K = 7 }));
        Assert.Contains("cf.k", error.Message);
    }

    private static void AssertParameters(Dictionary<string, float[]> before, Dictionary<string, float[]> after,
        string[] unchanged, string[] changed)
    {
        var parameters = before.Keys.Where(k => !k.Contains("running_")).ToArray();
        foreach (var name in parameters.Where(n => unchanged.Any(n.StartsWith)))
            Assert.True(Same(before[name], after[name]), $"{name} moved");
        foreach (var prefix in changed)
            Assert.Contains(parameters.Where(n => n.StartsWith(prefix)), name => !Same(before[name], after[name]));
        Assert.Contains(parameters, n => unchanged.Any(n.StartsWith));
    }
}
