using System.Security.Cryptography;
using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>
/// Adds a uint8 image tensor's bytes to a hash, a block of rows at a time: a span over a whole dataset would overflow
/// at 2 GB (MUCAC at 224 px is 4.5 GB), and a block keeps the copy a non-contiguous tensor needs small.
/// </summary>
public static class PixelHash
{
    private const long BlockBytes = 64L << 20;

    /// <summary>Appends <paramref name="pixels"/> (rows first, any further shape, CPU, row-major order) to <paramref name="hash"/>.</summary>
    public static void Append(IncrementalHash hash, Tensor pixels) => Append(hash, pixels, BlockBytes);

    /// <summary>As the public overload, in blocks of about <paramref name="blockBytes"/> (tests use small blocks).</summary>
    internal static void Append(IncrementalHash hash, Tensor pixels, long blockBytes)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (pixels.dtype != ScalarType.Byte) throw new ArgumentException($"pixels must be uint8, got {pixels.dtype}");
        if (pixels.dim() == 0) throw new ArgumentException("pixels must have a row dimension, got a scalar");
        long rows = pixels.shape[0];
        if (rows == 0) return;
        long rowBytes = Math.Max(1, pixels.numel() / rows);
        long step = Math.Max(1, blockBytes / rowBytes);
        for (long start = 0; start < rows; start += step)
        {
            using var scope = NewDisposeScope();
            hash.AppendData(pixels.narrow(0, start, Math.Min(step, rows - start)).contiguous().bytes);
        }
    }
}
