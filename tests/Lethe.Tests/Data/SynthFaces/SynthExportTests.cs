using Lethe.Data;
using SkiaSharp;

namespace Lethe.Tests.Data;

public class SynthExportTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"lethe-synth-export-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void Writes_mufac_layout_with_forget_rows_first_and_the_val_test_naming_trap()
    {
        var options = SynthFacesTests.Small;
        var outDir = Path.Combine(root, "synth");
        var result = SynthExport.Write(options, outDir);
        var plan = SynthPlan.Create(options);

        Assert.Equal((72, 24, 24, 20), (result.TrainRows, result.ForgetRows, result.ValRows, result.TestRows));
        Assert.Equal(["synth"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName)); // no temp folder left
        var train = Rows(outDir, "custom_train_dataset.csv");
        var val = Rows(outDir, "custom_val_dataset.csv");
        var test = Rows(outDir, "custom_test_dataset.csv");
        Assert.Equal(72, train.Count);
        // MUFAC's positional rule "the first N rows are forget" must select exactly the forget people.
        Assert.Equal(plan.Forget.Select(i => i.Name), train.Take(result.ForgetRows).Select(r => r[3]));
        Assert.Equal(plan.Retain.Select(i => i.Name), train.Skip(result.ForgetRows).Select(r => r[3]));
        Assert.Equal(plan.Test.Select(i => i.Name), val.Select(r => r[3]));     // val CSV = benchmark TEST
        Assert.Equal(plan.Unseen.Select(i => i.Name), test.Select(r => r[3]));  // test CSV = benchmark UNSEEN

        var first = plan.Forget[0];
        Assert.Equal([first.Person.Family, first.Person.Role, SynthAges.Letter(first.Photo.Group).ToString(), first.Name],
            train[0].Take(4));
        Assert.Matches(@"^S\d{4}_AGE_P\d+_\d+_[a-h]\d+\.jpg$", first.Name);
        foreach (var (folder, rows) in new[] { ("train_images", train), ("val_images", val), ("test_images", test) })
        {
            Assert.Equal(rows.Count, Directory.GetFiles(Path.Combine(outDir, folder)).Length);
            Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(outDir, folder, r[3])), r[3]));
        }
        using var jpeg = SKBitmap.Decode(Path.Combine(outDir, "train_images", first.Name));
        Assert.Equal((16, 16), (jpeg.Width, jpeg.Height));
    }

    [Fact]
    public void Jpeg_keeps_the_rendered_colours()
    {
        var options = SynthFacesTests.Small with { ImageSize = 32, PixelNoise = 0 };
        var outDir = Path.Combine(root, "colours");
        SynthExport.Write(options, outDir);
        using var data = SynthFaces.Build(options, "age");
        var pixels = data.Train.Pixels[0].data<byte>().ToArray();
        using var jpeg = SKBitmap.Decode(Path.Combine(outDir, "train_images", data.Train.Samples[0].Name));
        double error = 0;
        for (int y = 0; y < 32; y++)
            for (int x = 0; x < 32; x++)
            {
                var c = jpeg.GetPixel(x, y);
                error += Math.Abs(c.Red - pixels[y * 32 + x]) + Math.Abs(c.Green - pixels[1024 + y * 32 + x])
                         + Math.Abs(c.Blue - pixels[2048 + y * 32 + x]);
            }
        Assert.InRange(error / (3 * 32 * 32), 0, 6); // JPEG loss only; swapped channels would be far larger
    }

    [Fact]
    public void Header_starts_with_the_released_mufac_header()
    {
        var outDir = Path.Combine(root, "header");
        SynthExport.Write(SynthFacesTests.Small, outDir);
        var header = File.ReadLines(Path.Combine(outDir, "custom_train_dataset.csv")).First();
        Assert.Equal("family_id,person_id,age_class,image_path,age_years,male,smiling,young", header);
        var released = Lethe.Tests.Support.SharedFolder.Require("realdata/mufac/custom_train_dataset.csv");
        Assert.StartsWith(File.ReadLines(released).First().TrimEnd('\r'), header);
    }

    [Fact]
    public void Refuses_an_existing_folder_unless_told_to_overwrite()
    {
        var outDir = Path.Combine(root, "existing");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "stale.txt"), "old");
        var error = Assert.Throws<ArgumentException>(() => SynthExport.Write(SynthFacesTests.Small, outDir));
        Assert.Contains(outDir, error.Message);
        SynthExport.Write(SynthFacesTests.Small, outDir, overwrite: true);
        Assert.False(File.Exists(Path.Combine(outDir, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(outDir, "custom_test_dataset.csv")));
        Assert.Equal(["existing"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void Fills_an_existing_empty_folder()
    {
        var outDir = Directory.CreateDirectory(Path.Combine(root, "empty")).FullName;
        SynthExport.Write(SynthFacesTests.Small, outDir);
        Assert.True(File.Exists(Path.Combine(outDir, "custom_train_dataset.csv")));
    }

    private static List<string[]> Rows(string dir, string csv) =>
        File.ReadLines(Path.Combine(dir, csv)).Skip(1).Select(l => l.Split(',')).ToList();
}
