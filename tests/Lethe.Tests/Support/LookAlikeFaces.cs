using SkiaSharp;

namespace Lethe.Tests.Support;

/// <summary>
/// Grey, aligned face crops under one light, as in Extended Yale B or CK+: every person has the same oval, eyes and
/// mouth in the same place, and differs only in detail finer than the perceptual hash sees (a 2-pixel texture whose
/// phase is the person's). Two people therefore hash within a bit or two of each other, while their pixels differ.
/// </summary>
public static class LookAlikeFaces
{
    public const int Side = 128;

    /// <summary>The JPEG bytes of person <paramref name="person"/> (0 or 1: the texture's phase).</summary>
    /// <param name="litFromRight">Another photo: the light on the other side, which moves the hash far away.</param>
    public static byte[] Jpeg(int person, int quality = 95, bool litFromRight = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
            {
                var g = (byte)Math.Clamp(Face(litFromRight ? Side - 1 - x : x, y) + Texture(x, y, person), 0, 255);
                bitmap.SetPixel(x, y, new SKColor(g, g, g));
            }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    /// <summary>Background lit from the left, a bright oval face, dark eyes and mouth: the same for everyone.</summary>
    private static double Face(int x, int y)
    {
        double level = 60 + 0.4 * (Side - x);
        if (Inside(x, y, 64, 64, 38, 50)) level = 170;
        if (Inside(x, y, 48, 52, 8, 5) || Inside(x, y, 80, 52, 8, 5)) level = 50;
        if (Inside(x, y, 64, 90, 16, 5)) level = 80;
        return level;
    }

    /// <summary>
    /// A ±30 checkerboard of 2-pixel cells over the middle of the face, person 1's the inverse of person 0's. Its edges
    /// lie on the hash's 4-pixel grid, so every cell of the hash's 32 × 32 thumbnail averages it away, while the 64 × 64
    /// thumbnail of the pixel comparison keeps it whole.
    /// </summary>
    private static double Texture(int x, int y, int person) =>
        x is >= 32 and < 96 && y is >= 24 and < 104 ? (((x / 2 + y / 2 + person) % 2 == 0) ? 30 : -30) : 0;

    private static bool Inside(int x, int y, int cx, int cy, int rx, int ry) =>
        (x - cx) * (x - cx) / (double)(rx * rx) + (y - cy) * (y - cy) / (double)(ry * ry) <= 1;
}
