using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Models;

/// <summary>
/// The networks Lethe trains. All are torchvision's ResNet topology from TorchVision, so state-dict keys are PyTorch's
/// (conv1, bn1, layer1..layer4, fc) and .pth files import without a renaming table.
/// </summary>
public static class Networks
{
    /// <summary>The architectures known by name. Tests use "resnet18" too, on tiny images: the block classes of
    /// TorchVision are private, so a smaller ResNet would mean hand-writing one that the benchmark never runs.</summary>
    public static IReadOnlyList<string> Names { get; } = ["resnet18"];

    /// <summary>
    /// A freshly initialised network (torchvision's ResNet initialisation: Kaiming-normal fan-out convolutions, BN 1/0,
    /// default linear head).
    /// With <paramref name="initSeed"/>, every parameter is drawn from a private generator instead of LibTorch's global
    /// one, so another thread that seeds or draws from the global generator (a parallel test, a user's code) cannot
    /// change the model, and the draw is made on the CPU, so it is the same for every device.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(string architecture, int outputs, Device device, long? initSeed = null)
    {
        nn.Module<Tensor, Tensor> model = architecture switch
        {
            "resnet18" => torchvision.models.resnet18(num_classes: outputs),
            _ => throw new ArgumentException(
                $"unknown architecture '{architecture}'; known: {string.Join(", ", Names)}"),
        };
        if (initSeed is { } seed) Initialise(model, seed);
        return model.to(device);
    }

    /// <summary>
    /// torchvision's ResNet initialisation, drawn from a generator of our own: TorchSharp's kaiming_normal_ takes no
    /// generator, and its normal_/uniform_ accept one but ignore it (0.107), so we draw with randn/rand, which honour it.
    /// </summary>
    private static void Initialise(nn.Module<Tensor, Tensor> model, long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var noGrad = no_grad();
        // The draws belong to this scope until the weights are written. The Scalars of mul_/sub_ are held as using
        // locals, not by the scope, which does not track Scalars: a temporary Scalar is unreachable once its handle is
        // read, and the GC may free it during the native call that reads it (seen under parallel tests as
        // 'toDouble ... Scalar.h' and 'Unknown scalar type' from mul_; see Scalars).
        using var scope = NewDisposeScope();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case TorchSharp.Modules.Conv2d conv:
                    // Kaiming normal, mode fan_out, ReLU gain: std = sqrt(2 / (out_channels * kh * kw)).
                    var w = conv.weight!;
                    double fanOut = w.shape[0] * w.shape[2] * w.shape[3];
                    using (var std = Math.Sqrt(2.0 / fanOut).ToScalar())
                        w.copy_(randn(w.shape, generator: generator).mul_(std));
                    break;
                case TorchSharp.Modules.BatchNorm2d bn:
                    nn.init.ones_(bn.weight!);
                    nn.init.zeros_(bn.bias!);
                    break;
                case TorchSharp.Modules.Linear linear:
                    Initialise(linear, generator);
                    break;
            }
        }
    }

    /// <summary>
    /// Draws the output layer (<c>fc</c>) of <paramref name="model"/> afresh from <paramref name="generator"/>, as
    /// <see cref="Create"/> draws it with a seed; every other weight and buffer stays as it is.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no linear layer named fc.</exception>
    public static void ResetHead(nn.Module<Tensor, Tensor> model, Generator generator)
    {
        var head = model.named_modules().FirstOrDefault(m => m.name == "fc").module as TorchSharp.Modules.Linear
            ?? throw new ArgumentException("the model has no linear output layer named fc", nameof(model));
        using var noGrad = no_grad();
        using var scope = NewDisposeScope(); // see Initialise(model, seed): the draws stay alive until written
        Initialise(head, generator);
    }

    /// <summary>PyTorch's default Linear init: kaiming_uniform(a = sqrt 5) gives bound 1/sqrt(fan_in); the bias too.</summary>
    private static void Initialise(TorchSharp.Modules.Linear linear, Generator generator)
    {
        double bound = 1.0 / Math.Sqrt(linear.weight!.shape[1]);
        Uniform(linear.weight!, bound, generator);
        if (linear.bias is { } bias) Uniform(bias, bound, generator);
    }

    /// <summary>An independent copy with the same weights and buffers (TorchSharp has no deepcopy).</summary>
    public static nn.Module<Tensor, Tensor> Copy(nn.Module<Tensor, Tensor> source, string architecture, int outputs, Device device)
    {
        var copy = Create(architecture, outputs, device);
        copy.load_state_dict(source.state_dict());
        return copy;
    }

    private static void Uniform(Tensor target, double bound, Generator generator)
    {
        using var width = (2 * bound).ToScalar(); // held through the calls that read them (see Initialise)
        using var low = bound.ToScalar();
        target.copy_(rand(target.shape, generator: generator).mul_(width).sub_(low));
    }
}
