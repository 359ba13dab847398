using Lethe.Data;
using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data;

/// <summary>Every broken download gets one error that names the file and the line, and nothing is skipped silently.</summary>
public class MufacBadInputTests
{
    private static DataFileException LoadFails(string root)
    {
        using var cache = new TensorCache(Path.Combine(root, ".cache"));
        return Assert.Throws<DataFileException>(() => Mufac.Load(new MufacOptions(root, 16), cache).Dispose());
    }

    private static (TempDirectory Dir, MufacFixture Fixture) Fixture()
    {
        var dir = new TempDirectory();
        return (dir, new MufacFixture(dir.Path));
    }

    [Theory]
    [InlineData("../outside.jpg", "escapes")]
    [InlineData("../../etc/passwd", "escapes")]
    [InlineData("/etc/passwd", "absolute")]
    [InlineData("..\\outside.jpg", "escapes")]
    [InlineData("train_images\\..\\..\\outside.jpg", "escapes")]
    [InlineData("C:\\Users\\me\\F0001.jpg", "absolute")]
    [InlineData("\\\\server\\share\\F0001.jpg", "absolute")]
    public void An_image_path_outside_the_dataset_folder_is_refused(string path, string word)
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        MufacFixture.WriteJpeg(Path.Combine(dir.Path, "outside.jpg"), 16, 1);
        fixture.ReplaceRow("custom_train_dataset.csv", 3, $"F0001,D,a,{path}");
        var error = LoadFails(dir.Path);
        Assert.Equal(fixture.TrainCsv, error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains(word, error.Message);
    }

    [Fact]
    public void A_missing_image_names_its_row()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        fixture.ReplaceRow("custom_val_dataset.csv", 2, "F0801,D,b,F0801_AGE_D_99_b9.jpg");
        var error = LoadFails(dir.Path);
        Assert.EndsWith("custom_val_dataset.csv", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("F0801_AGE_D_99_b9.jpg", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void A_truncated_jpeg_names_its_row_and_file()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        var victim = Path.Combine(dir.Path, "train_images", File.ReadAllLines(fixture.TrainCsv)[5].Split(',')[3]);
        MufacFixture.WriteJpeg(victim, 64, 77);
        var bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, bytes[..(bytes.Length / 2)]);
        var error = LoadFails(dir.Path);
        Assert.Equal(6, error.Line); // lines[5]: line 1 is the header
        Assert.True(error.Message.Contains("truncated"), error.Message);
        Assert.Contains(Path.GetFileName(victim), error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_named()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        var victim = Path.Combine(dir.Path, "test_images", File.ReadAllLines(fixture.Csv("custom_test_dataset.csv"))[1].Split(',')[3]);
        File.WriteAllText(victim, "<html>404 Not Found</html>");
        var error = LoadFails(dir.Path);
        Assert.Equal(2, error.Line);
        Assert.EndsWith($"{victim}: an HTML page, not an image (a failed download?)", error.Message);
    }

    [Fact]
    public void An_empty_csv_is_refused()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        File.WriteAllText(fixture.TrainCsv, "");
        var error = LoadFails(dir.Path);
        Assert.Contains("empty", error.Message);
        Assert.Equal(fixture.TrainCsv, error.File);
    }

    [Fact]
    public void A_header_without_rows_is_refused()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        File.WriteAllText(fixture.TrainCsv, MufacFixture.Header + "\n");
        Assert.Contains("no rows", LoadFails(dir.Path).Message);
    }

    [Fact]
    public void A_wrong_header_names_the_missing_column()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        fixture.ReplaceRow("custom_train_dataset.csv", 0, "family_id,person_id,age,image_path");
        var error = LoadFails(dir.Path);
        Assert.Equal(1, error.Line);
        Assert.Contains("'age_class'", error.Message);
    }

    [Fact]
    public void A_byte_that_is_not_utf8_names_its_line()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        var lines = File.ReadAllLines(fixture.TrainCsv);
        using (var file = File.Create(fixture.TrainCsv))
        {
            for (int i = 0; i < lines.Length; i++)
            {
                file.Write(System.Text.Encoding.UTF8.GetBytes(lines[i]));
                if (i == 7) file.Write([0xFF, 0xFE]);
                file.WriteByte((byte)'\n');
            }
        }
        var error = LoadFails(dir.Path);
        Assert.Equal(8, error.Line);
        Assert.Contains("UTF-8", error.Message);
    }

    [Theory]
    [InlineData("F0001,D,z,F0001_AGE_D_10_a1.jpg", "age_class 'z'")]
    [InlineData("F0001,D,a", "3 fields but the header has 4")]
    [InlineData("F0001,D,a\"b,F0001_AGE_D_10_a1.jpg", "quote inside an unquoted field")]
    public void A_malformed_row_names_its_line(string row, string expected)
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        fixture.ReplaceRow("custom_train_dataset.csv", 2, row);
        var error = LoadFails(dir.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains(expected, error.Message);
        Assert.StartsWith($"{fixture.TrainCsv}:3: ", error.Message);
    }

    [Fact]
    public void Several_bad_images_stop_at_the_first_and_say_how_many_more()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        foreach (var row in new[] { 2, 9 })
            File.WriteAllText(Path.Combine(dir.Path, "train_images", File.ReadAllLines(fixture.TrainCsv)[row].Split(',')[3]), "junk");
        var error = LoadFails(dir.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("1 more bad images", error.Message);
        Assert.Contains("--skip-bad", error.Message);
    }

    [Fact]
    public void Skip_bad_leaves_out_the_bad_images_and_lists_each()
    {
        var (dir, fixture) = Fixture();
        using var _ = dir;
        foreach (var row in new[] { 2, 9 })
            File.WriteAllText(Path.Combine(dir.Path, "train_images", File.ReadAllLines(fixture.TrainCsv)[row].Split(',')[3]), "junk");
        using var cache = new TensorCache(Path.Combine(dir.Path, ".cache"));
        using var data = Mufac.Load(new MufacOptions(dir.Path, 16, ForgetSelection.Parse("first:4"), SkipBad: true), cache);
        Assert.Equal(22, data.Train.Count);
        Assert.Equal(2, data.Notes.Count);
        Assert.StartsWith($"{fixture.TrainCsv}:3: skipped", data.Notes[0]);
        Assert.StartsWith($"{fixture.TrainCsv}:10: skipped", data.Notes[1]);
        // Test and unseen are cached; train, which had bad images, is not, so the next run reports them again.
        Assert.Equal(2, Directory.GetFiles(Path.Combine(dir.Path, ".cache"), "*.tensor").Length);
    }

    [Fact]
    public void A_folder_that_is_not_mufac_lists_what_is_missing()
    {
        using var dir = new TempDirectory();
        var error = LoadFails(dir.Path);
        Assert.Contains("custom_train_dataset.csv", error.Message);
    }
}
