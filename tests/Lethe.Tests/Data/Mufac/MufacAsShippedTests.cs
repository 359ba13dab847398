using Lethe.Data;
using Lethe.Data.Checks;
using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data;

/// <summary>MUFAC folders as people really ship them: saved by R or Excel, on Windows, copied from macOS, incomplete.</summary>
public class MufacAsShippedTests
{
    private static BenchmarkData Load(string root, bool skipBad = false)
    {
        using var cache = new TensorCache(Path.Combine(root, ".cache"));
        return Mufac.Load(new MufacOptions(root, 16, ForgetSelection.Parse("first:8"), SkipBad: skipBad), cache);
    }

    private static string[] Listing(BenchmarkData data) =>
        new[] { data.Train, data.Test, data.Unseen }.SelectMany(s => s.Samples).Select(s => $"{s.Identity}|{s.Labels[0]}").ToArray();

    [Fact]
    public void Decomposed_korean_file_names_on_disk_are_found_from_the_composed_names_in_the_csv()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        fixture.NameInKoreanDecomposedOnDisk("김민수");
        var onDisk = Path.GetFileName(Directory.GetFiles(Path.Combine(dir.Path, "train_images")).First());
        Assert.False(ICU4N.Text.Normalizer2.NFCInstance.IsNormalized(onDisk)); // the test means something only if the disk kept NFD

        using var data = Load(dir.Path);

        Assert.Equal(24, data.Train.Count);
        Assert.EndsWith("_김민수.jpg", data.Train.Samples[0].Name);
        Assert.True(MufacCheck.Run(dir.Path, ForgetSelection.Parse("first:8")).Usable);
    }

    [Fact]
    public void A_fully_quoted_crlf_csv_with_a_byte_order_mark_reads_as_the_plain_one()
    {
        using var plainDir = new TempDirectory();
        using var quotedDir = new TempDirectory();
        new MufacFixture(plainDir.Path);
        new MufacFixture(quotedDir.Path).QuoteLikeR();
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'"', (byte)'"', (byte)','], File.ReadAllBytes(Path.Combine(quotedDir.Path, "custom_train_dataset.csv"))[..6]);

        using var plain = Load(plainDir.Path);
        using var quoted = Load(quotedDir.Path);

        Assert.Equal(Listing(plain), Listing(quoted));
        Assert.Equal(plain.Train.Samples.Select(s => s.Name), quoted.Train.Samples.Select(s => s.Name));
    }

    [Fact]
    public void Image_paths_with_windows_separators_relative_to_the_root_are_found()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        fixture.UseWindowsPaths();
        Assert.Contains("train_images\\F0001_", File.ReadAllLines(fixture.TrainCsv)[1]);

        using var data = Load(dir.Path);

        Assert.Equal((24, 6, 4), (data.Train.Count, data.Test.Count, data.Unseen.Count));
        Assert.Equal("F0001_D", data.Train.Samples[0].Identity);
    }

    [Fact]
    public void A_missing_image_is_reported_with_the_name_one_character_away()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var image = fixture.ImageOf("custom_train_dataset.csv", 3);
        File.Move(image, Path.ChangeExtension(image, ".jpeg"));

        var error = Assert.Throws<DataFileException>(() => Load(dir.Path).Dispose());

        Assert.Equal($"{fixture.TrainCsv}:4: image '{Path.GetFileName(image)}' not found in {Path.Combine(dir.Path, "train_images")}; "
            + $"the nearest name there is '{Path.GetFileNameWithoutExtension(image)}.jpeg' (one character apart)", error.Message);
    }

    [Fact]
    public void A_missing_image_that_sits_in_another_splits_folder_says_so()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var image = fixture.ImageOf("custom_val_dataset.csv", 2);
        File.Move(image, Path.Combine(dir.Path, "train_images", Path.GetFileName(image)));

        var error = Assert.Throws<DataFileException>(() => Load(dir.Path).Dispose());

        Assert.EndsWith($"a file of that name is in {Path.Combine(dir.Path, "train_images")} (another split's folder)", error.Message);
    }

    [Fact]
    public void Skip_bad_leaves_out_missing_and_unreadable_images_alike_lists_each_and_the_check_advises_it()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var missing = fixture.ImageOf("custom_train_dataset.csv", 2);
        File.Delete(missing);
        File.WriteAllText(fixture.ImageOf("custom_test_dataset.csv", 1), "junk");

        var report = MufacCheck.Run(dir.Path, ForgetSelection.Parse("first:8"));
        using var data = Load(dir.Path, skipBad: true);

        Assert.True(report.UsableWithSkipBad);
        Assert.Equal((23, 3), (data.Train.Count, data.Unseen.Count));
        Assert.Equal(2, data.Notes.Count);
        Assert.StartsWith($"{fixture.TrainCsv}:3: skipped: image '{Path.GetFileName(missing)}' not found", data.Notes[0]);
        Assert.StartsWith($"{fixture.Csv("custom_test_dataset.csv")}:2: skipped: ", data.Notes[1]);
        Assert.EndsWith("a text file, not an image (a failed download?)", data.Notes[1]);
    }
}
