using Lethe.Data.Transforms;
using static TorchSharp.torch;

namespace Lethe.Tests.Data;

public class EvalTransformTests
{
    private static readonly Generator Unused = new(0);

    [Fact]
    public void Should_only_scale_to_unit_range_when_the_size_already_matches()
    {
        using var random = new Generator(5);
        using var pixels = randint(0, 256, [4, 3, 16, 16], dtype: ScalarType.Byte, generator: random);

        using var output = new EvalTransform(16).Apply(pixels, Unused);

        Assert.Equal(ScalarType.Float32, output.dtype);
        Assert.Equal([4L, 3, 16, 16], output.shape);
        using var expected = pixels.to_type(ScalarType.Float32).div(255);
        Assert.True(output.eq(expected).all().item<bool>());
        Assert.Equal(0f, output.min().item<float>());
        Assert.Equal(1f, output.max().item<float>());
    }

    [Fact]
    public void Should_centre_crop_the_long_side_when_the_short_side_already_matches()
    {
        // 16 x 32 image whose value is its column: no resampling, columns 8..23 survive the crop.
        using var columns = arange(32, dtype: ScalarType.Byte);
        using var pixels = columns.view(1, 1, 1, 32).expand(2, 3, 16, 32).contiguous();

        using var output = new EvalTransform(16).Apply(pixels, Unused);

        Assert.Equal([2L, 3, 16, 16], output.shape);
        var firstRow = output[0, 0, 0].mul(255).round().data<float>().ToArray();
        Assert.Equal(Enumerable.Range(8, 16).Select(v => (float)v), firstRow);
    }

    [Fact]
    public void Should_resize_the_shorter_side_of_a_non_square_image_then_crop_a_square()
    {
        using var pixels = full(new long[] { 3, 3, 40, 24 }, 200, dtype: ScalarType.Byte);

        using var output = new EvalTransform(16).Apply(pixels, Unused);

        Assert.Equal([3L, 3, 16, 16], output.shape);
        Assert.Equal(200f / 255f, output.min().item<float>(), 6);
        Assert.Equal(200f / 255f, output.max().item<float>(), 6);
    }

    [Fact]
    public void Should_downscale_with_antialiasing_like_PIL()
    {
        // A step 0|255 in an 8-px row, halved. PIL's bilinear filter at scale 2 spans 4 source pixels with weights
        // 1/8, 3/8, 3/8, 1/8 (renormalised at the border): 0, 255/8 = 31.9 -> 32, 255 * 7/8 = 223.1 -> 223, 255.
        // Plain bilinear without antialiasing would give 0, 0, 255, 255.
        using var row = tensor(new byte[] { 0, 0, 0, 0, 255, 255, 255, 255 });
        using var pixels = row.view(1, 1, 1, 8).expand(1, 3, 8, 8).contiguous();

        using var output = new EvalTransform(4).Apply(pixels, Unused);

        Assert.Equal([1L, 3, 4, 4], output.shape);
        using var scaled = output.mul(255).round();
        Assert.Equal([0f, 32f, 223f, 255f], scaled[0, 1, 2].data<float>().ToArray());
    }
}
