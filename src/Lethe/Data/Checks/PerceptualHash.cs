using Lethe.Data.Files;

namespace Lethe.Data.Checks;

/// <summary>
/// A 64-bit DCT perceptual hash (the "pHash" of Zauner 2010): grey 32 × 32 by area averaging
/// (<see cref="GreyThumbnail"/>), 2-D DCT-II, the 8 × 8 lowest frequencies without the DC term against their median.
/// Re-encoded, resized or slightly recoloured copies of a photo land within a few bits; so, on aligned grey faces
/// under one light, can different people, which is why <see cref="NearCopyConfirmation"/> compares the pixels of
/// every near match before calling it a copy. Hand-written because no
/// maintained .NET package computes it on raw pixels without pulling in an imaging stack we do not use.
/// </summary>
public static class PerceptualHash
{
    private const int Side = 32;
    private const int Low = 8;
    private static readonly double[,] Cosines = CosineTable();

    public static ulong Of(RgbImage image)
    {
        var grey = GreyThumbnail.Of(image, Side);
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

    private static double[,] CosineTable()
    {
        var table = new double[Low, Side];
        for (int u = 0; u < Low; u++)
            for (int n = 0; n < Side; n++)
                table[u, n] = Math.Cos((2 * n + 1) * u * Math.PI / (2 * Side));
        return table;
    }
}
