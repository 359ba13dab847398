using Lethe.Data;
using Lethe.Data.Files;
using static TorchSharp.torch;
using Lethe.Models;

namespace Lethe.Tests.Data.Files;

public sealed class FileDatasetFingerprintTests
{
    [Fact]
    public void It_follows_the_header_the_pixels_and_which_set_holds_which_sample()
    {
        using var a = Set(0, "x.jpg", "y.jpg");
        using var b = Set(0, "z.jpg");
        using var brighter = Set(200, "x.jpg", "y.jpg");
        using var ab = Set(0, "x.jpg", "y.jpg", "z.jpg");
        using var empty = Set(0);
        var reference = FileDatasetFingerprint.Of("mufac/first:1", [a.Pixels], a, b);

        Assert.Equal(reference, FileDatasetFingerprint.Of("mufac/first:1", [a.Pixels.clone()], a, b));
        Assert.Matches("^[0-9a-f]{64}$", reference);
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:2", [a.Pixels], a, b));
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:1", [brighter.Pixels], a, b));
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:1", [a.Pixels], b, a));
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:1", [a.Pixels], ab, empty));
        // The same bytes in another shape are other images.
        Assert.NotEqual(reference, FileDatasetFingerprint.Of("mufac/first:1", [a.Pixels.reshape(1, 3, 4, 2)], a, b));
    }

    private static ImageSet Set(byte level, params string[] names) =>
        new(names.Select(n => new Sample(n, "person", [1])).ToArray(), full([names.Length, 3, 2, 2], level, ScalarType.Byte));
}
