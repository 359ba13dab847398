using static TorchSharp.torch;

namespace Lethe.Models;

/// <summary>
/// Channels-last (NHWC) storage for convolutions, used for evaluation only. TorchSharp has no <c>memory_format</c>
/// argument, so a tensor is put in NHWC order by permuting it to [N, H, W, C], making that contiguous and permuting the
/// view back: its shape stays [N, C, H, W], and LibTorch picks its channels-last convolution kernels from the strides
/// (on any device). On a 2-core CPU this made ResNet-18 evaluation a third or more faster at 64 px (bench/Lethe.Bench with
/// LETHE_BENCH_NHWC=1: 260 → 345 img/s; its eval mode, SetScorer on MUFAC images in paired rounds: 1.40× the images/s,
/// 1.39× less CPU time per image) and training no faster, so models are converted only while they are scored.
/// </summary>
public static class ChannelsLast
{
    /// <summary>A 4-D tensor [N, C, H, W] with the same values stored in NHWC order; any other tensor as it is.</summary>
    public static Tensor Order(Tensor tensor) =>
        tensor.dim() == 4 ? tensor.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2) : tensor;

    /// <summary>
    /// Stores every 4-D parameter of <paramref name="model"/> (the convolution weights) in NHWC order until the returned
    /// scope is disposed, which points each parameter back at its own original storage: after it the model is bit for
    /// bit and stride for stride what it was, so a model trained later (a method's copy of the Original) trains exactly
    /// as if it had never been scored. The parameters stay the same objects, so an optimiser holding them is unaffected.
    /// Nobody else may use the model meanwhile (the scorer also switches it to evaluation mode).
    /// </summary>
    public static IDisposable Convert(nn.Module model)
    {
        var saved = new List<(Tensor Parameter, Tensor Storage)>();
        using var noGrad = no_grad();
        foreach (var parameter in model.parameters().Where(p => p.dim() == 4))
        {
            // A detached alias keeps the original storage alive and unchanged while set_ repoints the parameter.
            var storage = parameter.detach();
            using (var scope = NewDisposeScope()) parameter.set_(Order(parameter.detach()));
            saved.Add((parameter, storage));
        }
        return new Restore(saved);
    }

    private sealed class Restore(List<(Tensor Parameter, Tensor Storage)> saved) : IDisposable
    {
        public void Dispose()
        {
            using var noGrad = no_grad();
            foreach (var (parameter, storage) in saved)
            {
                parameter.set_(storage);
                storage.Dispose();
            }
            saved.Clear();
        }
    }
}
