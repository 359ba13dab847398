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

    /// <summary>A freshly initialised network (Kaiming-normal fan-out convolutions, BN 1/0, default linear head: spec §6).</summary>
    public static nn.Module<Tensor, Tensor> Create(string architecture, int outputs, Device device)
    {
        nn.Module<Tensor, Tensor> model = architecture switch
        {
            "resnet18" => torchvision.models.resnet18(num_classes: outputs),
            _ => throw new ArgumentException(
                $"unknown architecture '{architecture}'; known: {string.Join(", ", Names)}"),
        };
        return model.to(device);
    }

    /// <summary>An independent copy with the same weights and buffers (TorchSharp has no deepcopy).</summary>
    public static nn.Module<Tensor, Tensor> Copy(nn.Module<Tensor, Tensor> source, string architecture, int outputs, Device device)
    {
        var copy = Create(architecture, outputs, device);
        copy.load_state_dict(source.state_dict());
        return copy;
    }
}
