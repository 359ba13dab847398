using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>Turns a uint8 batch [B, 3, H, W] (CPU) into float32 [B, 3, S, S] in [0, 1] (CPU).</summary>
public interface IImageTransform
{
    /// <summary>The output side S.</summary>
    int Size { get; }

    /// <param name="pixels">uint8 [B, 3, H, W].</param>
    /// <param name="random">The stream for random augmentation; a deterministic transform ignores it.</param>
    Tensor Apply(Tensor pixels, Generator random);
}
