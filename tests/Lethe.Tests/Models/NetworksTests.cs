using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Tests.Models;

public class NetworksTests
{
    [Fact]
    public void A_seeded_network_ignores_the_global_generator()
    {
        manual_seed(1);
        using var a = Networks.Create("resnet18", 8, CPU, initSeed: 7);
        manual_seed(2);
        using var b = Networks.Create("resnet18", 8, CPU, initSeed: 7);
        using var c = Networks.Create("resnet18", 8, CPU, initSeed: 8);

        var pa = a.parameters().ToArray();
        var pb = b.parameters().ToArray();
        var pc = c.parameters().ToArray();
        Assert.Equal(62, pa.Length);
        for (int i = 0; i < pa.Length; i++) Assert.True(pa[i].equal(pb[i]).all().item<bool>(), $"parameter {i} differs");
        Assert.False(pa[0].equal(pc[0]).all().item<bool>());
    }

    [Fact]
    public void Initialisation_follows_torchvision_kaiming_fan_out_and_default_linear()
    {
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 3);
        var named = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        // Layers whose fan-in and fan-out differ, so fan-out cannot pass for fan-in:
        // conv1: 64 x 3 x 7 x 7, fan_out = 64 * 49 = 3136 (std 0.02525), fan_in = 3 * 49 = 147 (std 0.1166);
        // layer2.0.conv1: 128 x 64 x 3 x 3, fan_out = 1152 (std 0.04167), fan_in = 576 (std 0.05893).
        AssertStd(Math.Sqrt(2.0 / 3136), named["conv1.weight"]);
        AssertStd(Math.Sqrt(2.0 / 1152), named["layer2.0.conv1.weight"]);
        Assert.Equal(1f, named["bn1.weight"].mean().item<float>());
        Assert.Equal(0f, named["bn1.bias"].abs().max().item<float>());
        double bound = 1 / Math.Sqrt(512);
        Assert.True(named["fc.weight"].abs().max().item<float>() <= bound);
        Assert.True(named["fc.weight"].abs().max().item<float>() > 0.9 * bound);
    }

    /// <summary>Within 3% of <paramref name="expected"/>: the sample std of ≥ 9,408 normal draws is within 1% (2 SE).</summary>
    private static void AssertStd(double expected, Tensor weight)
    {
        double std = weight.std().item<float>();
        Assert.InRange(std, 0.97 * expected, 1.03 * expected);
    }
}
