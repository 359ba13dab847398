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
    public void A_jpeg_cut_inside_its_header_is_called_truncated()
    {
        var error = Assert.Throws<DataFileException>(() => ImageFile.Decode(NoisyJpeg(64)[..40], "head.jpg"));
        Assert.Equal("head.jpg: JPEG is truncated (its header is incomplete)", error.Message);
    }

    [Fact]
    public void Empty_and_missing_files_are_named()
    {
        Assert.Contains("empty", Assert.Throws<DataFileException>(() => ImageFile.Decode([], "zero.jpg")).Message);
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "gone.jpg");
        Assert.Equal($"{missing}: image file not found", Assert.Throws<DataFileException>(() => ImageFile.Decode(missing)).Message);
    }

    /// <summary>Images that are not 8-bit RGB JPEGs but hold a photo: each becomes 8-bit RGB, as Pillow's convert("RGB").</summary>
    public static TheoryData<string> Convertible => ["grey", "grey 16-bit", "RGB 16-bit", "RGBA, fully transparent", "palette", "CMYK JPEG", "WebP", "GIF", "BMP"];

    private static (byte[] Bytes, byte[] FirstPixel) ConvertibleImage(string kind) => kind switch
    {
        "grey" => (OddImages.Png(4, 4, OddImages.PngColor.Grey, 8, _ => 77), [77, 77, 77]),
        "grey 16-bit" => (OddImages.Png(4, 4, OddImages.PngColor.Grey, 16, b => b == 0 ? (byte)0x40 : (byte)0x00), [64, 64, 64]),
        "RGB 16-bit" => (OddImages.Png(4, 4, OddImages.PngColor.Rgb, 16, b => b switch { 0 => 200, 2 => 100, 4 => 50, _ => 0x80 }), [200, 100, 50]),
        // Alpha is dropped, not composited: a transparent pixel keeps the colour stored under it.
        "RGBA, fully transparent" => (OddImages.Png(4, 4, OddImages.PngColor.Rgba, 8, b => b switch { 0 => 200, 1 => 100, 2 => 50, _ => 0 }), [200, 100, 50]),
        "palette" => (OddImages.Png(4, 4, OddImages.PngColor.Palette, 8, _ => 0, palette: [10, 20, 30]), [10, 20, 30]),
        // Adobe CMYK stores inverted ink: 128 of each is grey 128·128/255 = 64.
        "CMYK JPEG" => (OddImages.CmykJpeg(), [64, 64, 64]),
        "WebP" => (OddImages.Webp(4, 4), [200, 100, 50]),
        "GIF" => (OddImages.Gif, [200, 100, 50]),
        "BMP" => (OddImages.Bmp(200, 100, 50), [200, 100, 50]),
        _ => throw new ArgumentException(kind),
    };

    [Theory]
    [MemberData(nameof(Convertible))]
    public void Should_decode_other_layouts_of_a_photo_to_8_bit_rgb(string kind)
    {
        // Given an image in another colour type, depth or format
        var (bytes, first) = ConvertibleImage(kind);

        // When it is decoded
        var image = ImageFile.Decode(bytes, "odd.jpg");

        // Then it is RGB, its first pixel as stored
        Assert.Equal(image.Width * image.Height * 3, image.Pixels.Length);
        Assert.Equal(first, image.Pixels[..3]);
    }

    [Fact]
    public void Should_read_a_png_named_jpg_by_its_content()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "photo.jpg");
        File.WriteAllBytes(path, OddImages.Png(3, 2, OddImages.PngColor.Rgb, 8, b => (byte)(10 + b)));
        var image = ImageFile.Decode(path);
        Assert.Equal((3, 2), (image.Width, image.Height));
        Assert.Equal([10, 11, 12], image.Pixels[..3]);
    }

    [Fact]
    public void Should_use_pixels_as_stored_whatever_the_exif_orientation_says()
    {
        // Given a 16 × 8 JPEG whose EXIF says "rotate 90° to view" (the reference's Image.open does not apply it)
        var jpeg = OddImages.WithExifOrientation(OddImages.Jpeg(16, 8), orientation: 6);
        using (var codec = SKCodec.Create(new MemoryStream(jpeg))) Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);

        // When it is decoded, Then it stays 16 wide and 8 high
        var image = ImageFile.Decode(jpeg, "turned.jpg");
        Assert.Equal((16, 8), (image.Width, image.Height));
    }
}
