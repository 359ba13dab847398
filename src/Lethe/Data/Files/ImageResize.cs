using Lethe.Data.Transforms;

namespace Lethe.Data.Files;

/// <summary>
/// The dataset resize of spec §4 done once at decode time: shorter side to S with Pillow's antialiased bilinear filter,
/// then a centred S × S crop.
/// </summary>
/// <remarks>
/// Why a port of Pillow's integer passes rather than torch's interpolate(antialias: true) as in <see cref="Resize"/>:
/// on the CelebA-HQ-like test vector (1024 → 128) the torch route is within tolerance (max 1 level, mean 0.065) but
/// not exact, because it filters in float and rounds once where Pillow rounds to bytes after each pass. This port gives
/// the reference's bytes exactly (max difference 0), is about three times faster per image (15 ms against 50 ms), and
/// is plain managed code that many threads can run at once without sharing torch's thread pool.
/// </remarks>
public static class ImageResize
{
    /// <summary>
    /// <paramref name="image"/> resized so its shorter side is <paramref name="size"/>, centre-cropped to a square, as
    /// channel-major bytes: 3 × size × size (CHW, RGB), the layout of one row of an <see cref="ImageSet"/>.
    /// </summary>
    public static byte[] ResizeToSquare(RgbImage image, int size)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var (height, width) = Resize.ShorterSideTo(image.Height, image.Width, size);
        var resized = Resample(image, (int)width, (int)height);
        return CropToChannels(resized, size, (int)Resize.CropStart(height, size), (int)Resize.CropStart(width, size));
    }

    /// <summary>Pillow's Image.resize((width, height), BILINEAR) on RGB bytes: horizontal pass first, each rounded to bytes.</summary>
    internal static RgbImage Resample(RgbImage image, int width, int height)
    {
        if (width != image.Width) image = ResampleRows(image, ResampleWeights.Bilinear(image.Width, width), width);
        if (height != image.Height) image = ResampleColumns(image, ResampleWeights.Bilinear(image.Height, height), height);
        return image;
    }

    private static RgbImage ResampleRows(RgbImage image, ResampleWeights weights, int width)
    {
        var source = image.Pixels;
        var result = new byte[image.Height * width * 3];
        for (int y = 0; y < image.Height; y++)
        {
            int rowStart = y * image.Width * 3;
            for (int x = 0; x < width; x++)
                for (int c = 0; c < 3; c++)
                    result[(y * width + x) * 3 + c] =
                        WeightedSum(source, rowStart + weights.First[x] * 3 + c, 3, weights, x);
        }
        return new RgbImage(width, image.Height, result);
    }

    private static RgbImage ResampleColumns(RgbImage image, ResampleWeights weights, int height)
    {
        var source = image.Pixels;
        int stride = image.Width * 3;
        var result = new byte[height * stride];
        for (int y = 0; y < height; y++)
            for (int i = 0; i < stride; i++)
                result[y * stride + i] = WeightedSum(source, weights.First[y] * stride + i, stride, weights, y);
        return new RgbImage(image.Width, height, result);
    }

    /// <summary>One output byte: the fixed-point sum of the taps of <paramref name="output"/>, rounded and clamped.</summary>
    private static byte WeightedSum(byte[] source, int start, int step, ResampleWeights weights, int output)
    {
        int sum = 1 << (ResampleWeights.PrecisionBits - 1);
        int tap = output * weights.Taps;
        for (int k = 0; k < weights.Count[output]; k++)
            sum += source[start + k * step] * weights.Weights[tap + k];
        return (byte)Math.Clamp(sum >> ResampleWeights.PrecisionBits, 0, 255);
    }

    private static byte[] CropToChannels(RgbImage image, int size, int top, int left)
    {
        var result = new byte[3 * size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
                for (int c = 0; c < 3; c++)
                    result[(c * size + y) * size + x] = image.Pixels[((top + y) * image.Width + left + x) * 3 + c];
        return result;
    }
}
