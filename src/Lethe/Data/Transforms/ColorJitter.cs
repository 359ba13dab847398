using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Data.Transforms;

/// <summary>
/// Brightness, contrast and saturation in a per-sample order, as torchvision's <c>ColorJitter</c> in the reference's
/// <c>train_transform</c>. Each op blends the image with a reference and clamps: brightness with black, contrast with
/// the mean grey level, saturation with the grey image.
/// </summary>
internal static class ColorJitter
{
    public const int Brightness = 0, Contrast = 1, Saturation = 2;

    /// <summary>The op ids as Scalars held for good: one made per call may be freed while LibTorch reads it (see Scalars).</summary>
    private static readonly Scalar ContrastId = Contrast.ToScalar(), SaturationId = Saturation.ToScalar();

    /// <param name="images">float32 [B, 3, H, W] in [0, 1].</param>
    /// <param name="factors">float32 [B, 3]: the brightness, contrast and saturation factors, in that column order.</param>
    /// <param name="order">int64 [B, 3]: per sample, the op ids in the order they are applied.</param>
    public static Tensor Apply(Tensor images, Tensor factors, Tensor order)
    {
        using var scope = NewDisposeScope();
        var batch = images.shape[0];
        var x = images;
        // Every sample takes one op per round. All three ops are f·x + (1 − f)·reference, so a round is one pass:
        // x·f + grey·(1 − f)·[saturation] + mean·(1 − f)·[contrast], where the brackets are per-sample 0/1 switches.
        for (var round = 0; round < 3; round++)
        {
            var op = order.select(1, round);
            var factor = factors.gather(1, op.unsqueeze(1)).view(batch, 1, 1, 1);
            var blend = factor.neg().add_(Scalars.One, Scalars.One);
            var grey = Grey(x);
            var greyWeight = blend.mul(op.eq(SaturationId).view(batch, 1, 1, 1));
            var meanTerm = blend.mul(op.eq(ContrastId).view(batch, 1, 1, 1)).mul_(grey.mean([1, 2, 3], keepdim: true));
            x = addcmul(meanTerm, x, factor, Scalars.One).addcmul_(grey, greyWeight, Scalars.One).clamp_(Scalars.Zero, Scalars.One);
        }
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>ITU-R 601 luma, as PIL's convert("L"): float32 [B, 1, H, W].</summary>
    public static Tensor Grey(Tensor images)
    {
        long batch = images.shape[0], height = images.shape[2], width = images.shape[3];
        using var weights = tensor(new[] { 0.299f, 0.587f, 0.114f }, [1, 3], device: images.device);
        // A matrix product over the channel axis reads the image once; mul-then-sum made a full temporary.
        using var flat = images.reshape(batch, 3, height * width);
        return weights.matmul(flat).view(batch, 1, height, width);
    }
}
