using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Files;

/// <summary>Decode and resize of a 1024 px CelebA-HQ-like JPEG against PIL's bytes (../shared/testvectors).</summary>
public sealed class CelebAHqVectorTests
{
    private const int Side = 1024;
    private const int Size = 128;

    [Fact]
    public void Decode_matches_PIL_within_one_level()
    {
        var folder = SharedFolder.Require("testvectors");
        var image = ImageFile.Decode(Path.Combine(folder, "celebahq_like_1024.jpg"));
        var expected = File.ReadAllBytes(Path.Combine(folder, "celebahq_like_1024.decoded.u8"));

        Assert.Equal((Side, Side), (image.Width, image.Height));
        Assert.True(MaxDifference(image.Pixels, expected) <= 1);
    }

    [Fact]
    public void Resize_of_PIL_decode_matches_torchvision_Resize_128()
    {
        var folder = SharedFolder.Require("testvectors");
        var decoded = new RgbImage(Side, Side, File.ReadAllBytes(Path.Combine(folder, "celebahq_like_1024.decoded.u8")));
        var expected = File.ReadAllBytes(Path.Combine(folder, "celebahq_like_1024.resized128.u8"));

        var actual = ChannelsLast(ImageResize.ResizeToSquare(decoded, Size));

        // The spec asks for a mean difference under 1 level; the Pillow port is exact, so hold it to that.
        Assert.Equal(0, MaxDifference(actual, expected));
    }

    [Fact]
    public void Decode_then_resize_matches_the_reference_pixels()
    {
        var folder = SharedFolder.Require("testvectors");
        var image = ImageFile.Decode(Path.Combine(folder, "celebahq_like_1024.jpg"));
        var expected = File.ReadAllBytes(Path.Combine(folder, "celebahq_like_1024.resized128.u8"));

        var actual = ChannelsLast(ImageResize.ResizeToSquare(image, Size));

        Assert.True(MeanDifference(actual, expected) < 1.0);
        Assert.True(MaxDifference(actual, expected) <= 1);
    }

    /// <summary>CHW (what ResizeToSquare returns) to HWC (the layout of the reference files).</summary>
    private static byte[] ChannelsLast(byte[] chw)
    {
        var hwc = new byte[chw.Length];
        for (int c = 0; c < 3; c++)
            for (int p = 0; p < Size * Size; p++)
                hwc[p * 3 + c] = chw[c * Size * Size + p];
        return hwc;
    }

    private static int MaxDifference(byte[] a, byte[] b)
    {
        Assert.Equal(b.Length, a.Length);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
    }

    private static double MeanDifference(byte[] a, byte[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Average();
}
