using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lethe.Data.Transforms;

/// <summary>
/// Scale and horizontal shear about the image centre, as torchvision's
/// <c>RandomAffine(0, shear=10, scale=(0.8, 1.2))</c> in the reference's <c>train_transform</c>: the forward map is
/// x' = s·(x − tan φ·y), y' = s·y; each output pixel takes the nearest source pixel of the inverse map, black outside.
/// </summary>
internal static class RandomAffine
{
    /// <param name="images">float32 [B, C, H, W].</param>
    /// <param name="scale">float32 [B], the factor s per sample.</param>
    /// <param name="shearRadians">float32 [B], the angle φ per sample.</param>
    /// <param name="mirror">bool [B] or null: mirror these samples horizontally before the warp. Folding the flip into
    /// the inverse map (x → −x) saves a full pass over the batch.</param>
    public static Tensor Apply(Tensor images, Tensor scale, Tensor shearRadians, Tensor? mirror = null)
    {
        using var scope = NewDisposeScope();
        long height = images.shape[2], width = images.shape[3];
        // Inverse map: x = (x' + tan φ·y') / s, y = y' / s. affine_grid works in coordinates normalised by half the
        // width (x) and half the height (y), so the shear term picks up H/W for non-square images.
        using var aspect = (height / (double)width).ToScalar(); // held through the call that reads it (see Scalars)
        using var minusTwo = (-2).ToScalar();
        var inverseScale = scale.reciprocal();
        var shear = shearRadians.tan().mul(inverseScale).mul(aspect);
        var zero = zeros_like(scale);
        var sign = mirror is null ? ones_like(scale) : mirror.to_type(scale.dtype).mul(minusTwo).add_(Scalars.One, Scalars.One);
        var theta = stack([
            stack([inverseScale.mul(sign), shear.mul(sign), zero], 1),
            stack([zero, inverseScale, zero], 1),
        ], 1);
        var grid = F.affine_grid(theta, images.shape, align_corners: false);
        return F.grid_sample(images, grid, GridSampleMode.Nearest, GridSamplePaddingMode.Zeros, align_corners: false)
            .MoveToOuterDisposeScope();
    }
}
