using Lethe.Data;
using Lethe.Data.Files;
using static TorchSharp.torch;

namespace Lethe.Tests.Data.Files;

public sealed class FileDatasetFingerprintTests
{
    [Fact]
    public void It_follows_the_header_the_pixel_keys_and_which_set_holds_which_sample_but_not_the_pixels()
    {
        using var a = Set(0, "x.jpg", "y.jpg");
        using var b = Set(0, "z.jpg");
        using var brighter = Set(200, "x.jpg", "y.jpg");
        using var ab = Set(0, "x.jpg", "y.jpg", "z.jpg");
        var reference = FileDatasetFingerprint.Of("mufac/first:1", ["key-1"], a, b);

        Assert.Equal(reference, FileDatasetFingerprint.Of("mufac/first:1", ["key-1"], a, b));
        Assert.Matches("^[0-9a-f]{64}$", reference);
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:2", ["key-1"], a, b));
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:1", ["key-2"], a, b));
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:1", ["key-1"], b, a));
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:1", ["key-1"], ab, Set(0)));
        // The key stands for the pixels: hashing them again would cost seconds on MUCAC.
        Assert.Equal(reference, FileDatasetFingerprint.Of("mufac/first:1", ["key-1"], brighter, b));
    }

    private static ImageSet Set(byte level, params string[] names) =>
        new(names.Select(n => new Sample(n, "person", [1])).ToArray(), full([names.Length, 3, 2, 2], level, ScalarType.Byte));
}
