using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lethe.Data.Transforms;

/// <summary>The resize shared by both transforms (the reference's <c>Resize</c>): shorter side to S, then a centred
/// S × S crop, to [0, 1].</summary>
internal static class Resize
{
    /// <summary>Held for good: a Scalar made per call may be freed while LibTorch reads it (see Scalars).</summary>
    private static readonly Scalar ByteMax = 255.ToScalar();

    /// <summary>uint8 [B, 3, H, W] to float32 [B, 3, S, S] in [0, 1].</summary>
    public static Tensor ToUnitSquare(Tensor pixels, int size)
    {
        if (pixels.dtype != ScalarType.Byte || pixels.dim() != 4 || pixels.shape[1] != 3)
            throw new ArgumentException($"pixels must be uint8 [B,3,H,W], got {pixels.dtype} [{string.Join(",", pixels.shape)}]");
        using var scope = NewDisposeScope();
        var x = pixels.to_type(ScalarType.Float32);
        long height = pixels.shape[2], width = pixels.shape[3];
        if (height != size || width != size)
        {
            var (h, w) = ShorterSideTo(height, width, size);
            if (h != height || w != width)
                // PIL resizes uint8 images and rounds each pixel; doing the same keeps values on the k/255 grid.
                x = F.interpolate(x, [h, w], mode: InterpolationMode.Bilinear, align_corners: false, antialias: true)
                    .round_().clamp_(Scalars.Zero, ByteMax);
            x = x.narrow(2, CropStart(h, size), size).narrow(3, CropStart(w, size), size);
        }
        return x.div(ByteMax).MoveToOuterDisposeScope();
    }

    /// <summary>torchvision's Resize(int): the longer side is truncated, not rounded.</summary>
    internal static (long Height, long Width) ShorterSideTo(long height, long width, int size) =>
        height <= width
            ? (size, (long)(size * (double)width / height))
            : ((long)(size * (double)height / width), size);

    /// <summary>torchvision's CenterCrop offset: Python's round, i.e. halves to even.</summary>
    internal static long CropStart(long length, int size) =>
        (long)Math.Round((length - size) / 2.0, MidpointRounding.ToEven);
}
