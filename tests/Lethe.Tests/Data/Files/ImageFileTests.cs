using Lethe.Data.Files;
using Lethe.Tests.Support;
using SkiaSharp;

namespace Lethe.Tests.Data;

public class ImageFileTests
{
    /// <summary>A noisy JPEG, so that its entropy-coded data is long and a cut lands inside it, after the header.</summary>
    private static byte[] NoisyJpeg(int side)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var random = new Random(3);
        for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }

    [Fact]
    public void A_whole_jpeg_decodes_to_rgb_rows()
    {
        var image = ImageFile.Decode(NoisyJpeg(32), "noise.jpg");
        Assert.Equal((32, 32, 32 * 32 * 3), (image.Width, image.Height, image.Pixels.Length));
    }

    [Fact]
    public void A_jpeg_cut_inside_its_scan_data_is_called_truncated()
    {
        var bytes = NoisyJpeg(64);
        var error = Assert.Throws<DataFileException>(() => ImageFile.Decode(bytes[..(bytes.Length * 3 / 5)], "cut.jpg"));
        Assert.Equal("cut.jpg: image is truncated (incomplete JPEG data)", error.Message);
    }

    [Fact]
    public void A_jpeg_cut_inside_its_header_is_called_truncated_or_damaged()
    {
        var error = Assert.Throws<DataFileException>(() => ImageFile.Decode(NoisyJpeg(64)[..40], "head.jpg"));
        Assert.Contains("truncated or damaged", error.Message);
    }

    [Fact]
    public void Empty_and_missing_files_are_named()
    {
        Assert.Contains("empty", Assert.Throws<DataFileException>(() => ImageFile.Decode([], "zero.jpg")).Message);
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "gone.jpg");
        Assert.Equal($"{missing}: image file not found", Assert.Throws<DataFileException>(() => ImageFile.Decode(missing)).Message);
    }
}
