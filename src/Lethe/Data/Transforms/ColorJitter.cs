using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Data.Transforms;

/// <summary>
/// Brightness, contrast and saturation in a per-sample order (spec §4 step 4). Each op blends the image with a
/// reference and clamps: brightness with black, contrast with the mean grey level, saturation with the grey image.
/// </summary>
internal static class ColorJitter
{
    public const int Brightness = 0, Contrast = 1, Saturation = 2;

    /// <param name="images">float32 [B, 3, H, W] in [0, 1].</param>
    /// <param name="factors">float32 [B, 3]: the brightness, contrast and saturation factors, in that column order.</param>
    /// <param name="order">int64 [B, 3]: per sample, the op ids in the order they are applied.</param>
    public static Tensor Apply(Tensor images, Tensor factors, Tensor order)
    {
        using var scope = NewDisposeScope();
        var batch = images.shape[0];
        var x = images;
        // Every sample takes one op per round; one blend formula covers all three, so a round is a single pass.
        for (var round = 0; round < 3; round++)
        {
            var op = order.select(1, round);
            var factor = factors.gather(1, op.unsqueeze(1)).view(batch, 1, 1, 1);
            var opPerPixel = op.view(batch, 1, 1, 1);
            var grey = Grey(x);
            var reference = where(opPerPixel.eq(Brightness), zeros_like(grey),
                where(opPerPixel.eq(Contrast), grey.mean([1, 2, 3], keepdim: true).expand_as(grey), grey));
            x = x.mul(factor).add_(reference.mul(factor.neg().add_(1))).clamp_(0, 1);
        }
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>ITU-R 601 luma, as PIL's convert("L"): float32 [B, 1, H, W].</summary>
    public static Tensor Grey(Tensor images)
    {
        using var weights = tensor(new[] { 0.299f, 0.587f, 0.114f }, [1, 3, 1, 1], device: images.device);
        return images.mul(weights).sum(1, keepdim: true);
    }
}
