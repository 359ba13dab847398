using System.Security.Cryptography;
using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Tests.Data;

public sealed class PixelHashTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(48)]
    [InlineData(1 << 20)]
    public void Blocks_of_rows_hash_as_the_whole_tensors_bytes_in_row_major_order(long blockBytes)
    {
        using var pixels = arange(5 * 3 * 4 * 4, ScalarType.Int32).remainder(251).to(ScalarType.Byte).reshape(5, 3, 4, 4);
        // A non-contiguous view (every other column) must hash as its contiguous copy.
        using var strided = pixels.slice(3, 0, 4, 2);
        using var copy = strided.contiguous();

        Assert.Equal(SHA256.HashData(pixels.bytes), Digest(pixels, blockBytes));
        Assert.Equal(SHA256.HashData(copy.bytes), Digest(strided, blockBytes));
    }

    private static byte[] Digest(Tensor pixels, long blockBytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        PixelHash.Append(hash, pixels, blockBytes);
        return hash.GetHashAndReset();
    }
}
