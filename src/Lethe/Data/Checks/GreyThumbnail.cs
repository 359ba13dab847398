using Lethe.Data.Files;

namespace Lethe.Data.Checks;

/// <summary>
/// A small grey copy of an image: the mean grey level (BT.601 weights, 0–255) of each cell of a side × side grid, so
/// that copies that were resized or re-encoded come out nearly equal. Shared by the perceptual hash and the pixel
/// comparison that confirms its near matches.
/// </summary>
public static class GreyThumbnail
{
    /// <summary>[side, side] grey levels; an image smaller than the grid repeats its pixels.</summary>
    public static double[,] Of(RgbImage image, int side)
    {
        var grey = new double[side, side];
        for (int cy = 0; cy < side; cy++)
        {
            var (y0, y1) = Span(cy, image.Height, side);
            for (int cx = 0; cx < side; cx++)
            {
                var (x0, x1) = Span(cx, image.Width, side);
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
    private static (int Start, int End) Span(int cell, int length, int side)
    {
        int start = cell * length / side;
        return (start, Math.Max(start + 1, (cell + 1) * length / side));
    }
}
