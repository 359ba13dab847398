namespace Lethe.Data.Files;

/// <summary>
/// The taps of one axis of Pillow's antialiased bilinear resize: for every output position, the first input index,
/// the number of inputs it reads, and their weights in fixed point. Computed the way Pillow's Resample.c does it
/// (a triangle filter whose support grows with the downscale factor, weights normalised in doubles, then rounded to
/// <see cref="PrecisionBits"/> bits) so that the integer passes give Pillow's bytes, not merely similar ones.
/// </summary>
internal sealed class ResampleWeights
{
    /// <summary>Pillow's fixed-point precision for 8-bit images: 32 bits minus 8 for the value and 2 for headroom.</summary>
    public const int PrecisionBits = 32 - 8 - 2;

    private ResampleWeights(int[] first, int[] count, int[] weights, int taps)
    {
        First = first;
        Count = count;
        Weights = weights;
        Taps = taps;
    }

    /// <summary>The first input index read by each output position.</summary>
    public int[] First { get; }

    /// <summary>How many consecutive inputs each output position reads.</summary>
    public int[] Count { get; }

    /// <summary>Row-major [output, <see cref="Taps"/>] fixed-point weights; only the first Count[o] of a row are used.</summary>
    public int[] Weights { get; }

    public int Taps { get; }

    /// <summary>The weights output position <paramref name="output"/> uses, one per input from First[output] on.</summary>
    public ReadOnlySpan<int> Of(int output) => Weights.AsSpan(output * Taps, Count[output]);

    public static ResampleWeights Bilinear(int inSize, int outSize)
    {
        double scale = (double)inSize / outSize;
        // Upscaling keeps the plain bilinear kernel; downscaling widens it to average every input pixel it covers.
        double filterScale = Math.Max(scale, 1.0);
        double support = filterScale;
        int taps = (int)Math.Ceiling(support) * 2 + 1;
        var first = new int[outSize];
        var count = new int[outSize];
        var weights = new int[outSize * taps];
        var row = new double[taps];
        for (int o = 0; o < outSize; o++)
        {
            double center = (o + 0.5) * scale;
            // Pillow truncates these toward zero after adding 0.5; negative starts are clamped, so the result is the same.
            int start = Math.Max((int)(center - support + 0.5), 0);
            int n = Math.Min((int)(center + support + 0.5), inSize) - start;
            double total = 0;
            for (int k = 0; k < n; k++)
                total += row[k] = Triangle((k + start - center + 0.5) / filterScale);
            for (int k = 0; k < n; k++)
                weights[o * taps + k] = ToFixedPoint(total == 0 ? row[k] : row[k] / total);
            first[o] = start;
            count[o] = n;
        }
        return new ResampleWeights(first, count, weights, taps);
    }

    private static double Triangle(double x)
    {
        x = Math.Abs(x);
        return x < 1 ? 1 - x : 0;
    }

    /// <summary>Rounds half away from zero, as Pillow's (int)(w * 2^22 ± 0.5).</summary>
    private static int ToFixedPoint(double weight) =>
        (int)(weight * (1 << PrecisionBits) + (weight < 0 ? -0.5 : 0.5));
}
