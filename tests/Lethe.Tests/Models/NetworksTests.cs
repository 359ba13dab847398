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
        // layer4.0.conv2: 512 x 512 x 3 x 3, fan_out = 512 * 9, std = sqrt(2 / 4608) = 0.020833.
        Assert.Equal(Math.Sqrt(2.0 / 4608), named["layer4.0.conv2.weight"].std().item<float>(), 3);
        Assert.Equal(1f, named["bn1.weight"].mean().item<float>());
        Assert.Equal(0f, named["bn1.bias"].abs().max().item<float>());
        double bound = 1 / Math.Sqrt(512);
        Assert.True(named["fc.weight"].abs().max().item<float>() <= bound);
        Assert.True(named["fc.weight"].abs().max().item<float>() > 0.9 * bound);
    }
}
