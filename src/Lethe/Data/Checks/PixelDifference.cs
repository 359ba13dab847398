using Lethe.Data.Files;

namespace Lethe.Data.Checks;

/// <summary>
/// How far apart two images are pixel by pixel: both as 64 × 64 grey thumbnails (<see cref="GreyThumbnail"/>), each
/// less its own mean level (so a copy that was brightened stays a copy), then the mean absolute difference in grey
/// levels (0–255). A re-encoded or resized copy differs by about one level; a different face, even aligned and lit
/// the same, by several.
/// </summary>
public static class PixelDifference
{
    /// <summary>Thumbnail side: fine enough to see eyes and mouth on a 128 px face crop, coarse enough to forgive JPEG noise.</summary>
    public const int Side = 64;

    /// <summary>The thumbnail that <see cref="Between"/> compares: Side × Side grey levels, less their mean, row-major.</summary>
    public static float[] Thumbnail(RgbImage image)
    {
        var grey = GreyThumbnail.Of(image, Side);
        double mean = 0;
        foreach (var v in grey) mean += v;
        mean /= grey.Length;
        var centred = new float[grey.Length];
        int i = 0;
        foreach (var v in grey) centred[i++] = (float)(v - mean);
        return centred;
    }

    /// <summary>Mean absolute difference of two thumbnails, in grey levels.</summary>
    public static double Between(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / a.Length;
    }
}
