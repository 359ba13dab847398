using Lethe.Data;
using Lethe.Data.Files;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Data.Mucac;

public sealed class MucacLoadTests
{
    private const int Size = 8;

    [Fact]
    public void The_multilabel_variant_holds_every_set_with_its_pixels_and_labels()
    {
        using var fixture = new MucacFixture();
        using var temp = new TempDirectory();
        using var cache = new TensorCache(temp.Path);

        using var data = Load(fixture, "mucac", cache);

        Assert.Equal("mucac", data.Name);
        Assert.Same(MultiLabelTask.MaleSmilingYoung, data.Task);
        AssertSet(data.Test, 0, 1, 2, 3);
        AssertSet(data.Train, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        AssertSet(data.Forget, 4, 5, 6, 7, 8, 9);
        AssertSet(data.Retain, 10, 11, 12, 13, 14, 15);
        AssertSet(data.Unseen, 16, 17, 18, 19);
        Assert.Equal(MucacFixture.Attributes(7), data.Train.Samples[3].Labels);
        Assert.Equal("celebahq-3", data.Train.Samples[3].Identity);
        Assert.Equal("7.jpg", data.Train.Samples[3].Name);
    }

    [Theory]
    [InlineData("mucac-male", 0)]
    [InlineData("mucac-smiling", 1)]
    [InlineData("MUCAC-Young", 2)]
    public void A_binary_variant_labels_each_image_with_one_attribute(string variant, int column)
    {
        using var fixture = new MucacFixture();
        using var temp = new TempDirectory();
        using var cache = new TensorCache(temp.Path);

        using var data = Load(fixture, variant, cache);

        var task = Assert.IsType<BinaryTask>(data.Task);
        Assert.Equal(CelebAAttributes.Kept[column], task.Attribute);
        Assert.Same(MucacVariants.Task(variant), task);
        Assert.All(data.Unseen.Samples, s => Assert.Equal([MucacFixture.Attributes(int.Parse(s.Name[..^4]))[column]], s.Labels));
    }

    [Fact]
    public void A_second_load_reads_the_cached_pixels_instead_of_decoding()
    {
        using var fixture = new MucacFixture();
        using var temp = new TempDirectory();
        string first;
        using (var cache = new TensorCache(temp.Path))
        using (var data = Load(fixture, "mucac", cache))
            first = data.Fingerprint;
        // Spoil an image but keep its size and time: only a decode would notice.
        var path = fixture.ImagePath(4);
        var stamp = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, new byte[new FileInfo(path).Length]);
        File.SetLastWriteTimeUtc(path, stamp);

        using var again = new TensorCache(temp.Path);
        using var reloaded = Load(fixture, "mucac", again);

        Assert.Equal(first, reloaded.Fingerprint);
        AssertSet(reloaded.Forget, 4, 5, 6, 7, 8, 9);
    }

    [Fact]
    public void The_fingerprint_depends_on_variant_thresholds_and_size()
    {
        using var fixture = new MucacFixture();
        using var temp = new TempDirectory();
        using var cache = new TensorCache(temp.Path);
        string Fingerprint(string variant, MucacThresholds thresholds, int size)
        {
            using var data = global::Lethe.Data.Mucac.Load(fixture.Root, variant, size, cache, thresholds);
            return data.Fingerprint;
        }

        var reference = Fingerprint("mucac", MucacFixture.Thresholds, Size);

        Assert.Equal(reference, Fingerprint("mucac", MucacFixture.Thresholds, Size));
        Assert.NotEqual(reference, Fingerprint("mucac-male", MucacFixture.Thresholds, Size));
        Assert.NotEqual(reference, Fingerprint("mucac", MucacFixture.Thresholds with { ForgetBelow = 6 }, Size));
        Assert.NotEqual(reference, Fingerprint("mucac", MucacFixture.Thresholds, 4));
    }

    [Fact]
    public void A_truncated_JPEG_is_reported_by_name()
    {
        using var fixture = new MucacFixture();
        using var temp = new TempDirectory();
        using var cache = new TensorCache(temp.Path);
        TestJpeg.WriteTruncated(fixture.ImagePath(11));

        var error = Assert.Throws<DataFileException>(() => Load(fixture, "mucac", cache));

        Assert.Equal(fixture.ImagePath(11), error.File);
        Assert.Contains("truncated", error.Message);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void An_unknown_variant_lists_the_valid_ones_before_reading_any_file()
    {
        using var temp = new TempDirectory();
        using var cache = new TensorCache(temp.Path);

        var error = Assert.Throws<ArgumentException>(() =>
            global::Lethe.Data.Mucac.Load(Path.Combine(temp.Path, "absent"), "mucac-bald", Size, cache));

        Assert.Contains("mucac, mucac-male, mucac-smiling, mucac-young", error.Message);
    }

    private static BenchmarkData Load(MucacFixture fixture, string variant, TensorCache cache) =>
        global::Lethe.Data.Mucac.Load(fixture.Root, variant, Size, cache, MucacFixture.Thresholds);

    /// <summary>The set holds images <paramref name="files"/> in order, each resized to Size and of its own colour.</summary>
    private static void AssertSet(ImageSet set, params int[] files)
    {
        Assert.Equal(files.Select(i => $"{i}.jpg"), set.Samples.Select(s => s.Name));
        Assert.Equal([files.Length, 3L, Size, Size], set.Pixels.shape);
        using var scope = NewDisposeScope();
        var means = set.Pixels.to_type(ScalarType.Float32).mean([2, 3]).data<float>().ToArray();
        for (int k = 0; k < files.Length; k++)
        {
            var (r, g, b) = MucacFixture.Colour(files[k]);
            Assert.InRange(means[3 * k], r - 3, r + 3);
            Assert.InRange(means[3 * k + 1], g - 3, g + 3);
            Assert.InRange(means[3 * k + 2], b - 3, b + 3);
        }
    }
}
