using Lethe.Data.Files;

namespace Lethe.Data.Checks;

/// <summary>
/// A 64-bit DCT perceptual hash (the "pHash" of Zauner 2010): grey 32 × 32 by area averaging, 2-D DCT-II, the 8 × 8
/// lowest frequencies without the DC term against their median. Re-encoded, resized or slightly recoloured copies of a
/// photo land within a few bits; different photos of the same aligned face usually do not. Hand-written because no
/// maintained .NET package computes it on raw pixels without pulling in an imaging stack we do not use.
/// </summary>
public static class PerceptualHash
{
    private const int Side = 32;
    private const int Low = 8;
    private static readonly double[,] Cosines = CosineTable();

    public static ulong Of(RgbImage image)
    {
        var grey = GreyThumbnail(image);
        var coefficients = new double[Low * Low - 1];
        for (int u = 0, k = 0; u < Low; u++)
            for (int v = 0; v < Low; v++)
                if (u + v > 0) coefficients[k++] = Dct(grey, u, v);
        var median = coefficients.Order().ElementAt(coefficients.Length / 2);
        ulong bits = 0;
        for (int k = 0; k < coefficients.Length; k++)
            if (coefficients[k] > median) bits |= 1UL << k;
        return bits;
    }

    public static int Distance(ulong a, ulong b) => System.Numerics.BitOperations.PopCount(a ^ b);

    private static double Dct(double[,] grey, int u, int v)
    {
        double sum = 0;
        for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
                sum += grey[y, x] * Cosines[u, y] * Cosines[v, x];
        return sum;
    }

    /// <summary>Mean grey level (BT.601 weights) of each of 32 × 32 cells; an image under 32 px repeats its pixels.</summary>
    private static double[,] GreyThumbnail(RgbImage image)
    {
        var grey = new double[Side, Side];
        for (int cy = 0; cy < Side; cy++)
        {
            var (y0, y1) = Span(cy, image.Height);
            for (int cx = 0; cx < Side; cx++)
            {
                var (x0, x1) = Span(cx, image.Width);
                double sum = 0;
                for (int y = y0; y < y1; y++)
                    for (int x = x0; x < x1; x++)
                    {
                        int i = 3 * (y * image.Width + x);
                        sum += 0.299 * image.Pixels[i] + 0.587 * image.Pixels[i + 1] + 0.114 * image.Pixels[i + 2];
                    }
                grey[cy, cx] = sum / ((y1 - y0) * (x1 - x0));
            }
        }
        return grey;
    }

    /// <summary>The source rows (or columns) of cell <paramref name="cell"/>: at least one, so no cell is empty.</summary>
    private static (int Start, int End) Span(int cell, int length)
    {
        int start = cell * length / Side;
        return (start, Math.Max(start + 1, (cell + 1) * length / Side));
    }

    private static double[,] CosineTable()
    {
        var table = new double[Low, Side];
        for (int u = 0; u < Low; u++)
            for (int n = 0; n < Side; n++)
                table[u, n] = Math.Cos((2 * n + 1) * u * Math.PI / (2 * Side));
        return table;
    }
}
