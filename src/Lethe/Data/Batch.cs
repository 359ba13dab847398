using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>
/// One mini-batch on the target device: float32 images [B, 3, H, W] in [0, 1] and the task's targets.
/// A batch owns its tensors (it may have been prepared on another thread, outside the caller's dispose scope), so the
/// consumer disposes it.
/// </summary>
public sealed class Batch(Tensor images, Tensor targets) : IDisposable
{
    public Tensor Images { get; } = images;

    public Tensor Targets { get; } = targets;

    public long Size => Images.shape[0];

    public void Dispose()
    {
        Images.Dispose();
        Targets.Dispose();
    }
}
