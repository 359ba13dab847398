using SkiaSharp;

namespace Lethe.Data.Files;

/// <summary>
/// Decodes one image file to RGB bytes with SkiaSharp. Any failure (missing, truncated, not an image) becomes a
/// <see cref="DataFileException"/> naming the file, because one broken download must not surface as a native crash.
/// </summary>
public static class ImageFile
{
    private static ReadOnlySpan<byte> JpegStart => [0xFF, 0xD8, 0xFF];

    /// <summary>The image at <paramref name="path"/> as height × width × 3 RGB bytes (alpha dropped).</summary>
    public static RgbImage Decode(string path)
    {
        if (!System.IO.File.Exists(path)) throw new DataFileException(path, null, "image file not found");
        byte[] bytes;
        try { bytes = System.IO.File.ReadAllBytes(path); }
        catch (IOException e) { throw new DataFileException(path, null, $"cannot read image: {e.Message}", e); }
        return Decode(bytes, path);
    }

    /// <summary>Decodes encoded bytes; <paramref name="name"/> is used in errors.</summary>
    public static RgbImage Decode(byte[] encoded, string name)
    {
        if (encoded.Length == 0) throw new DataFileException(name, null, "image file is empty");
        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new DataFileException(name, null, encoded.AsSpan().StartsWith(JpegStart)
            ? "JPEG is truncated or damaged (its header is incomplete)"
            : "not a readable image (unknown or damaged format)");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        // Skia fills the rows it could not decode with zeros and reports IncompleteInput: a truncated JPEG.
        if (result != SKCodecResult.Success)
            throw new DataFileException(name, null, result == SKCodecResult.IncompleteInput
                ? "image is truncated (incomplete JPEG data)"
                : $"image cannot be decoded ({result})");
        return new RgbImage(info.Width, info.Height, DropAlpha(bitmap.GetPixelSpan(), info.Width * info.Height));
    }

    private static byte[] DropAlpha(ReadOnlySpan<byte> rgba, int pixels)
    {
        var rgb = new byte[pixels * 3];
        for (int i = 0; i < pixels; i++)
        {
            rgb[3 * i] = rgba[4 * i];
            rgb[3 * i + 1] = rgba[4 * i + 1];
            rgb[3 * i + 2] = rgba[4 * i + 2];
        }
        return rgb;
    }
}

/// <summary>Decoded pixels, row-major height × width × 3 (RGB), as PIL's `np.asarray(image.convert("RGB"))`.</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels);
