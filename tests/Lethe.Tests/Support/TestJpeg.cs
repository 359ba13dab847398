using SkiaSharp;

namespace Lethe.Tests.Support;

/// <summary>Small JPEG files for loader tests, written with SkiaSharp.</summary>
public static class TestJpeg
{
    /// <summary>The bytes of a <paramref name="width"/> × <paramref name="height"/> JPEG of one colour.</summary>
    public static byte[] Solid(int width, int height, byte red, byte green, byte blue)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Erase(new SKColor(red, green, blue));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        return data.ToArray();
    }

    /// <summary>The bytes of a <paramref name="width"/> × <paramref name="height"/> JPEG of random colours (fixed by <paramref name="seed"/>).</summary>
    public static byte[] Noise(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>
    /// Writes the first half of a valid JPEG: what an interrupted download leaves behind. The image is noise, so that
    /// half its bytes lie well past the headers and the decoder starts, then runs out of data.
    /// </summary>
    public static void WriteTruncated(string path)
    {
        var whole = Noise(128, 128);
        File.WriteAllBytes(path, whole[..(whole.Length / 2)]);
    }
}
