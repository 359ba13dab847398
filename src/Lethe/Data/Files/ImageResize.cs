using Lethe.Data.Transforms;

namespace Lethe.Data.Files;

/// <summary>
/// The reference's <c>Resize</c> done once at decode time: shorter side to S with Pillow's antialiased bilinear filter,
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
    /// <summary>Pillow starts each sum at one half, so the shift below rounds to nearest.</summary>
    private const int Half = 1 << (ResampleWeights.PrecisionBits - 1);

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
        int inStride = image.Width * 3, outStride = width * 3;
        var result = new byte[image.Height * outStride];
        for (int y = 0; y < image.Height; y++)
        {
            var source = image.Pixels.AsSpan(y * inStride, inStride);
            var target = result.AsSpan(y * outStride, outStride);
            for (int x = 0; x < width; x++) WeightedPixel(source, weights, x, target.Slice(x * 3, 3));
        }
        return new RgbImage(width, image.Height, result);
    }

    /// <summary>One output pixel of the horizontal pass; the three channels share each weight load.</summary>
    private static void WeightedPixel(ReadOnlySpan<byte> row, ResampleWeights weights, int output, Span<byte> rgb)
    {
        var taps = weights.Of(output);
        var pixels = row.Slice(weights.First[output] * 3, taps.Length * 3);
        int r = Half, g = Half, b = Half;
        for (int k = 0; k < taps.Length; k++)
        {
            r += pixels[3 * k] * taps[k];
            g += pixels[3 * k + 1] * taps[k];
            b += pixels[3 * k + 2] * taps[k];
        }
        (rgb[0], rgb[1], rgb[2]) = (ToByte(r), ToByte(g), ToByte(b));
    }

    /// <summary>The vertical pass, one output row at a time: whole input rows are summed, which keeps reads sequential.</summary>
    private static RgbImage ResampleColumns(RgbImage image, ResampleWeights weights, int height)
    {
        int stride = image.Width * 3;
        var result = new byte[height * stride];
        var sums = new int[stride];
        for (int y = 0; y < height; y++)
        {
            Array.Fill(sums, Half);
            var taps = weights.Of(y);
            for (int k = 0; k < taps.Length; k++)
            {
                var row = image.Pixels.AsSpan((weights.First[y] + k) * stride, stride);
                for (int i = 0; i < stride; i++) sums[i] += row[i] * taps[k];
            }
            var target = result.AsSpan(y * stride, stride);
            for (int i = 0; i < stride; i++) target[i] = ToByte(sums[i]);
        }
        return new RgbImage(image.Width, height, result);
    }

    private static byte ToByte(int sum) => (byte)Math.Clamp(sum >> ResampleWeights.PrecisionBits, 0, 255);

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
