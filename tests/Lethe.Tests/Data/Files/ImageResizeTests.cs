using Lethe.Data.Files;
using Lethe.Data.Transforms;
using static TorchSharp.torch;

namespace Lethe.Tests.Data.Files;

public sealed class ImageResizeTests
{
    [Fact]
    public void Halving_averages_with_Pillows_triangle_weights()
    {
        // Each row is R = 0, 70, 140, 210 (G = 255 - R, B = 9). Halving, Pillow's filter spans three inputs per output
        // with weights 3/7, 3/7, 1/7 (and mirrored): R = (0·3 + 70·3 + 140)/7 = 50 and (70 + 140·3 + 210·3)/7 = 160.
        var image = Image(4, 4, (x, _) => ((byte)(70 * x), (byte)(255 - 70 * x), 9));

        var chw = ImageResize.ResizeToSquare(image, 2);

        Assert.Equal([50, 160, 50, 160, 205, 95, 205, 95, 9, 9, 9, 9], chw.Select(b => (int)b));
    }

    [Fact]
    public void A_wide_image_at_the_target_height_is_only_centre_cropped()
    {
        var image = Image(4, 2, (x, y) => ((byte)(10 * x + 100 * y), 0, 0));

        var chw = ImageResize.ResizeToSquare(image, 2);

        // Columns 1 and 2 of both rows in the red plane; green and blue stay 0.
        Assert.Equal([10, 20, 110, 120, 0, 0, 0, 0, 0, 0, 0, 0], chw.Select(b => (int)b));
    }

    [Fact]
    public void Agrees_with_torchs_antialiased_interpolate_within_one_level_on_a_non_square_image()
    {
        var random = new Random(7);
        var image = Image(64, 48, (_, _) => ((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));

        var ours = ImageResize.ResizeToSquare(image, 16);

        using var scope = NewDisposeScope();
        var hwc = tensor(image.Pixels, [1, 48, 64, 3], ScalarType.Byte).permute(0, 3, 1, 2).contiguous();
        var theirs = Resize.ToUnitSquare(hwc, 16).mul(255).round().to_type(ScalarType.Int32).data<int>().ToArray();
        var differences = ours.Zip(theirs, (a, b) => Math.Abs(a - b)).ToArray();
        Assert.True(differences.Max() <= 1, $"max difference {differences.Max()}");
        Assert.True(differences.Average() < 0.25, $"mean difference {differences.Average()}");
    }

    [Fact]
    public void Refuses_a_size_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageResize.ResizeToSquare(Image(2, 2, (_, _) => (0, 0, 0)), 0));
    }

    private static RgbImage Image(int width, int height, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                (pixels[(y * width + x) * 3], pixels[(y * width + x) * 3 + 1], pixels[(y * width + x) * 3 + 2]) = colour(x, y);
        return new RgbImage(width, height, pixels);
    }
}
