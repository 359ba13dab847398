using Lethe.Data;
using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data;

public class MufacTests
{
    private static BenchmarkData Load(string root, string? forget = "first:8", bool skipBad = false, string? cache = null)
    {
        var options = new MufacOptions(root, 16, forget is null ? null : ForgetSelection.Parse(forget), 42, skipBad);
        using var tensors = new TensorCache(cache ?? Path.Combine(root, ".cache"));
        return Mufac.Load(options, tensors);
    }

    [Fact]
    public void The_benchmark_sets_follow_the_naming_trap_val_is_test_and_test_is_unseen()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        using var data = Load(dir.Path);
        Assert.Equal(24, data.Train.Count);
        Assert.Equal(6, data.Test.Count);
        Assert.Equal(4, data.Unseen.Count);
        Assert.All(data.Test.Samples, s => Assert.StartsWith("F080", s.Name));
        Assert.All(data.Unseen.Samples, s => Assert.StartsWith("F085", s.Name));
        Assert.Equal(new long[] { 24, 3, 16, 16 }, data.Train.Pixels.shape);
    }

    [Fact]
    public void The_default_forget_set_is_the_first_rows_in_file_order_and_straddling_is_visible()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        using var data = Load(dir.Path, "first:6");
        Assert.Equal(data.Train.Samples.Take(6).Select(s => s.Name), data.Forget.Samples.Select(s => s.Name));
        Assert.Equal(data.Train.Samples.Skip(6).Select(s => s.Name), data.Retain.Samples.Select(s => s.Name));
        // 4 photos a person: row 6 cuts the second person in two, as the reference's positional split can.
        Assert.Single(data.Forget.Identities().Intersect(data.Retain.Identities()));
    }

    [Fact]
    public void An_identity_forget_set_holds_whole_people_and_depends_on_the_seed_only()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        using var a = Load(dir.Path, "identities:2");
        using var b = Load(dir.Path, "identities:2");
        Assert.Equal(8, a.Forget.Count);
        Assert.Empty(a.Forget.Identities().Intersect(a.Retain.Identities()));
        Assert.Equal(a.Forget.Samples.Select(s => s.Name), b.Forget.Samples.Select(s => s.Name));
    }

    [Fact]
    public void Columns_are_found_by_name_and_an_unnamed_index_column_is_ignored()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var lines = File.ReadAllLines(fixture.TrainCsv);
        var reordered = lines.Select((line, i) =>
        {
            var f = line.Split(',');
            return $"{(i == 0 ? "" : (i - 1).ToString())},{f[3]},{f[2]},{f[0]},{f[1]}";
        });
        File.WriteAllLines(fixture.TrainCsv, reordered);
        using var data = Load(dir.Path);
        Assert.Equal("F0001_D", data.Train.Samples[0].Identity);
        Assert.Equal(0, data.Train.Samples[0].Labels[0]); // letter a
    }

    [Fact]
    public void Without_person_columns_the_identity_comes_from_the_file_name()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        File.WriteAllLines(fixture.TrainCsv, File.ReadAllLines(fixture.TrainCsv).Select(l => string.Join(",", l.Split(',')[2..])));
        using var data = Load(dir.Path);
        Assert.Equal("F0001_D", data.Train.Samples[0].Identity);
        Assert.Equal("F0001_S", data.Train.Samples[4].Identity);
    }

    [Fact]
    public void An_upper_case_extension_on_disk_is_found_from_a_lower_case_name()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var folder = Path.Combine(dir.Path, "train_images");
        var first = Directory.GetFiles(folder).Order().First();
        File.Move(first, Path.ChangeExtension(first, ".JPG"));
        using var data = Load(dir.Path);
        Assert.Equal(24, data.Train.Count);
    }

    [Fact]
    public void Pixels_are_decoded_as_rgb_in_row_order()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        using var data = Load(dir.Path);
        // Row 5 is person 1, photo 1: shade 23, so red 23, green 232, blue 128 (JPEG's chroma blur moves it a few levels).
        var pixel = data.Train.Pixels[5, .., 12, 12].data<byte>().ToArray();
        Assert.InRange(pixel[0], 13, 33);
        Assert.InRange(pixel[1], 222, 242);
        Assert.InRange(pixel[2], 118, 138);
    }

    [Fact]
    public void Pixels_are_the_pillow_resize_of_each_image_shorter_side_first_then_a_centre_crop()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var wide = fixture.ImageOf("custom_train_dataset.csv", 1);
        File.WriteAllBytes(wide, TestJpeg.Noise(40, 24));

        using var data = Load(dir.Path);

        // The one pipeline of every file dataset (MUCAC's too), which matches Pillow's bytes (CelebAHqVectorTests).
        Assert.Equal(ImageResize.ResizeToSquare(ImageFile.Decode(wide), 16), data.Train.Pixels[0].data<byte>().ToArray());
    }

    [Fact]
    public void The_fingerprint_repeats_from_the_cache_and_follows_the_forget_choice()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        var cache = Path.Combine(dir.Path, "c");
        string Fingerprint(string forget)
        {
            using var data = Load(dir.Path, forget, cache: cache);
            return data.Fingerprint;
        }

        var first = Fingerprint("first:8");

        Assert.Equal(first, Fingerprint("first:8"));
        Assert.NotEqual(first, Fingerprint("first:6"));
    }

    [Fact]
    public void The_fingerprint_follows_the_pixels_not_the_files_modification_times()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        var cache = Path.Combine(dir.Path, "c");
        string Fingerprint()
        {
            using var data = Load(dir.Path, cache: cache);
            return data.Fingerprint;
        }
        var images = Directory.GetFiles(dir.Path, "*.jpg", SearchOption.AllDirectories).Order().ToArray();
        var first = Fingerprint();

        // A copy without its times (cp, a re-extracted archive, a cluster node's own copy): the cache misses, the plan holds.
        foreach (var image in images) File.SetLastWriteTimeUtc(image, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(first, Fingerprint());
        Assert.Equal(6, Directory.GetFiles(cache, "*.tensor").Length);

        // One image's content changed, its name, size and time kept: other pixels, another fingerprint.
        var (target, other) = (images[0], images[^1]);
        File.Copy(other, target, overwrite: true);
        File.SetLastWriteTimeUtc(target, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Directory.Delete(cache, recursive: true);
        Assert.NotEqual(first, Fingerprint());
    }

    [Fact]
    public void A_second_load_reads_the_decoded_images_from_the_cache()
    {
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        var cache = Path.Combine(dir.Path, "c");
        using (Load(dir.Path, cache: cache)) { }
        Assert.Equal(3, Directory.GetFiles(cache, "*.tensor").Length);
        foreach (var jpeg in Directory.GetFiles(Path.Combine(dir.Path, "val_images"))) File.SetLastWriteTimeUtc(jpeg, File.GetLastWriteTimeUtc(jpeg));
        using var again = Load(dir.Path, cache: cache);
        Assert.Equal(3, Directory.GetFiles(cache, "*.tensor").Length);
    }

    [Fact]
    public void The_released_mufac_has_the_sizes_of_the_spec()
    {
        var root = SharedFolder.Require("realdata/mufac");
        using var dir = new TempDirectory();
        using var data = Load(root, forget: null, cache: dir.Path);
        Assert.Equal([10_025, 1_500, 8_525, 1_539, 1_504],
            new[] { data.Train.Count, data.Forget.Count, data.Retain.Count, data.Test.Count, data.Unseen.Count });
        var names = new[] { data.Train, data.Test, data.Unseen }.Select(s => s.Samples.Select(x => x.Name).ToHashSet()).ToArray();
        Assert.Empty(names[0].Intersect(names[1]));
        Assert.Empty(names[0].Intersect(names[2]));
        Assert.Empty(names[1].Intersect(names[2]));
        Assert.Empty(data.Notes);
    }
}
