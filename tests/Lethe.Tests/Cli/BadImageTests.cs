using Lethe.Data;
using Lethe.Data.Files;
using Lethe.Tests.Data;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

/// <summary>
/// Whatever a MUFAC image file holds, `lethe datasets check` and `lethe benchmark` give the same one line naming the CSV
/// line and the file, the benchmark stops with exit 1 before anything trains, --skip-bad leaves the image out (and
/// lists it), and no .NET exception reaches the user. Each case breaks the image of train line 3 of a real-layout fixture.
/// </summary>
public class BadImageTests
{
    private const string Undecodable = "which Lethe cannot decode: convert it to JPEG or PNG (Lethe reads JPEG, PNG, WebP, GIF and BMP)";

    /// <summary>How each case breaks the file at a path, and the problem said after "csv:3: path: ".</summary>
    private static readonly Dictionary<string, (Action<string> Break, Func<string, string> Problem)> Cases = new()
    {
        ["empty file"] = (path => File.WriteAllBytes(path, []), _ => "image file is empty"),
        ["text named .jpg"] = (path => File.WriteAllText(path, "no photo here\n"), _ => "a text file, not an image (a failed download?)"),
        ["HTML error page"] = (path => File.WriteAllText(path, "<!DOCTYPE html>\n<html><body>404 Not Found</body></html>"),
            _ => "an HTML page, not an image (a failed download?)"),
        ["Git LFS pointer"] = (path => File.WriteAllText(path, OddImages.LfsPointer), _ => "a Git LFS pointer, not the image: fetch the images (git lfs pull)"),
        ["JPEG cut inside its header"] = (path => File.WriteAllBytes(path, TestJpeg.Noise(64, 64)[..40]), _ => "JPEG is truncated (its header is incomplete)"),
        ["JPEG cut inside its pixel data"] = (TestJpeg.WriteTruncated, _ => "image is truncated (incomplete JPEG data)"),
        ["PNG cut inside its pixel data"] = (path => File.WriteAllBytes(path, HalfOf(OddImages.Png(64, 64, OddImages.PngColor.Rgb, 8, b => (byte)(b * 80)))),
            _ => "image is truncated (incomplete PNG data)"),
        ["HEIC named .jpg"] = (path => File.WriteAllBytes(path, OddImages.IsoMedia("heic")), _ => $"a HEIC image, {Undecodable}"),
        ["AVIF named .jpg"] = (path => File.WriteAllBytes(path, OddImages.IsoMedia("avif")), _ => $"an AVIF image, {Undecodable}"),
        ["TIFF named .jpg"] = (path => File.WriteAllBytes(path, OddImages.Tiff), _ => $"a TIFF image, {Undecodable}"),
        ["JPEG header claiming 60000 x 60000"] = (path => File.WriteAllBytes(path, OddImages.WithJpegSize(OddImages.Jpeg(16, 16), 60_000, 60_000)),
            _ => "the JPEG header gives 60,000×60,000 pixels, over the limit of 89,478,485 (Pillow's decompression-bomb limit); not decoded"),
        ["PNG header claiming 60000 x 60000"] = (path => File.WriteAllBytes(path, OddImages.PngHeader(60_000, 60_000)),
            _ => "the PNG header gives 60,000×60,000 pixels, over the limit of 89,478,485 (Pillow's decompression-bomb limit); not decoded"),
        ["PNG of width 0"] = (path => File.WriteAllBytes(path, OddImages.PngHeader(0, 16)), _ => "image has no pixels (0×16)"),
        ["JPEG of height 0"] = (path => File.WriteAllBytes(path, OddImages.WithJpegSize(OddImages.Jpeg(16, 16), 16, 0)), _ => "JPEG header is damaged or gives no size"),
        ["strip of 1 x 65 pixels"] = (path => File.WriteAllBytes(path, OddImages.Jpeg(1, 65)),
            _ => "image is 1×65, one side more than 64 times the other; resized to the run's size it would not fit in memory"),
        ["file of 257 MiB"] = (path => { using var file = File.Create(path); file.SetLength(257L << 20); }, // sparse: no disk used
            _ => "image file is 269,484,032 bytes, over the 256 MiB an image may have"),
        ["symbolic link to itself"] = (path => Relink(path, Path.GetFileName(path)), path => $"is a symbolic link that never reaches a file (it loops: {Path.GetFileName(path)})"),
        ["symbolic link to nothing"] = (path => Relink(path, "gone.jpg"),
            path => $"is a symbolic link to {Path.Combine(Path.GetDirectoryName(path)!, "gone.jpg")}, which does not exist"),
        ["symbolic link to /dev/zero"] = (path => Relink(path, "/dev/zero"), _ => "image file is empty"),
        // A pipe never ends until its writer closes it: refused by its length (0), never opened.
        ["named pipe"] = (path => { File.Delete(path); OddImages.MakeFifo(path); }, _ => "image file is empty"),
    };

    public static TheoryData<string> Kinds => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_name_the_csv_line_and_file_of_any_bad_image_in_one_line(string kind)
    {
        // Given a MUFAC folder whose train line 3 names a broken image
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var image = fixture.ImageOf("custom_train_dataset.csv", 2);
        var (breakIt, problem) = Cases[kind];
        breakIt(image);

        // Then the check, the benchmark and --skip-bad all say the same one line
        AssertOneLine(dir.Path, fixture, image, $"{image}: {problem(image)}");
    }

    [Fact]
    public void Should_call_a_folder_where_an_image_should_be_a_folder()
    {
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        var image = fixture.ImageOf("custom_train_dataset.csv", 2);
        File.Delete(image);
        Directory.CreateDirectory(image);
        AssertOneLine(dir.Path, fixture, image, $"image '{Path.GetFileName(image)}' in {Path.GetDirectoryName(image)} is a folder, not an image file");
    }

    [Fact]
    public void Should_run_the_benchmark_without_the_bad_images_under_skip_bad_and_list_each()
    {
        // Given two bad images of different kinds
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path, unseenPeople: 4, unseenPhotos: 3);
        var (truncated, heic) = (fixture.ImageOf("custom_train_dataset.csv", 2), fixture.ImageOf("custom_train_dataset.csv", 11));
        TestJpeg.WriteTruncated(truncated);
        File.WriteAllBytes(heic, OddImages.IsoMedia("heic"));
        var console = new TestConsole();
        console.Console.Profile.Width = 1000;

        // When the benchmark runs with --skip-bad
        int code = console.Run("benchmark", "--no-relearn", "--dataset", "mufac", "--data", dir.Path, "--forget", "first:8", "--methods", "none", "--skip-bad",
            "--image-size", "16", "--epochs", "1", "--threads", "1", "--jobs", "1", "--retain-eval", "all",
            "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "out"));

        // Then it runs on the 22 readable training images and lists the two it left out
        Assert.Equal((0, ""), (code, console.Error.ToString()));
        var output = console.Output.ToString();
        Assert.Contains($"data: {fixture.TrainCsv}:3: skipped: {truncated}: image is truncated (incomplete JPEG data)", output);
        Assert.Contains($"data: {fixture.TrainCsv}:12: skipped: {heic}: a HEIC image, {Undecodable}", output);
        Assert.Contains("data: train 22 = forget 8", output); // the forget set is the first 8 readable rows
    }

    [Fact]
    public void Should_name_a_bad_mucac_image_in_one_line_in_the_check_and_the_benchmark()
    {
        // Given a MUCAC folder whose image 5 (a forget image under 2,5,8) is a HEIC photo; MUCAC lists no CSV line
        using var mucac = new Data.Mucac.MucacFixture();
        File.WriteAllBytes(mucac.ImagePath(5), OddImages.IsoMedia("heic"));
        var expected = $"{mucac.ImagePath(5)}: a HEIC image, {Undecodable}";
        var check = new TestConsole();
        check.Console.Profile.Width = 1000;
        var run = new TestConsole();

        int checkCode = check.Run("datasets", "check", mucac.Root, "--identity-splits", "2,5,8");
        int runCode = run.Run("benchmark", "--no-relearn", "--dataset", "mucac", "--data", mucac.Root, "--identity-splits", "2,5,8", "--methods", "none",
            "--image-size", "16", "--epochs", "1", "--cache", Path.Combine(mucac.Root, "cache"), "--out", Path.Combine(mucac.Root, "out"));

        var lines = check.Output.ToString().Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Equal((1, $"  {expected}"), (checkCode, Assert.Single(lines, l => l.Contains("5.jpg"))));
        Assert.Contains("usable: no (fix the errors above)", lines); // --skip-bad applies to MUFAC only
        Assert.Equal((1, $"lethe: {expected}"), (runCode, run.Error.ToString().TrimEnd()));
    }

    /// <summary>
    /// The check lists "train csv:3: <paramref name="problem"/>" as its one line about the image, exit 1, advising
    /// --skip-bad; the benchmark prints it as its only error line, exit 1, before training (no checkpoint written);
    /// --skip-bad leaves the image out with the same words.
    /// </summary>
    private static void AssertOneLine(string root, MufacFixture fixture, string image, string problem)
    {
        var expected = $"{fixture.TrainCsv}:3: {problem}";
        var check = new TestConsole();
        check.Console.Profile.Width = 1000; // one finding a line, as when piped
        int checkCode = check.Run("datasets", "check", root, "--forget", "first:8");
        var lines = check.Output.ToString().Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Equal((1, $"  {expected}"), (checkCode, Assert.Single(lines, l => l.Contains(Path.GetFileName(image)))));
        Assert.Contains("usable: no; `lethe benchmark --skip-bad` leaves out the 1 bad images above (each listed) and runs", lines);
        Assert.Equal("", check.Error.ToString());

        var benchmark = new TestConsole();
        var cache = Path.Combine(root, "cache");
        int benchmarkCode = benchmark.Run("benchmark", "--no-relearn", "--dataset", "mufac", "--data", root, "--forget", "first:8", "--methods", "none",
            "--image-size", "16", "--epochs", "1", "--cache", cache, "--out", Path.Combine(root, "out"));
        Assert.Equal((1, $"lethe: {expected}"), (benchmarkCode, benchmark.Error.ToString().TrimEnd()));
        Assert.DoesNotContain("   at ", benchmark.Output.ToString());
        Assert.Empty(Directory.Exists(cache) ? Directory.GetFiles(cache, "*.ckpt*") : []);

        using var tensors = new TensorCache(Path.Combine(root, "cache-skip"));
        using var data = Mufac.Load(new MufacOptions(root, 16, ForgetSelection.Parse("first:8"), SkipBad: true), tensors);
        Assert.Equal((23, $"{fixture.TrainCsv}:3: skipped: {problem}"), (data.Train.Count, Assert.Single(data.Notes)));
    }

    private static byte[] HalfOf(byte[] bytes) => bytes[..(bytes.Length / 2)];

    private static void Relink(string path, string target)
    {
        File.Delete(path);
        File.CreateSymbolicLink(path, target);
    }
}
