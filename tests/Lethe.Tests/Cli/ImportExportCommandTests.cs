using Lethe.Tests.Evaluation;
using Lethe.Tests.Support;
using Lethe.Tests.Training;
using Lethe.Training;
using static Lethe.Tests.Training.PyTorchFixtures;
using static TorchSharp.torch;

namespace Lethe.Tests.Cli;

public class ImportExportCommandTests
{
    [Fact]
    public void Export_then_import_gives_back_the_checkpoint()
    {
        using var dir = new TempDirectory();
        using var model = ModelWithStatistics(3);
        var original = Path.Combine(dir.Path, "original.ckpt");
        var pth = Path.Combine(dir.Path, "original.pth");
        var imported = Path.Combine(dir.Path, "imported.ckpt");
        Checkpoint.Save(model, original);

        var console = new TestConsole();
        Assert.Equal(0, console.Run("export", "--checkpoint", original, "--task", "mucac", "--pth", pth, "--flat-head"));
        Assert.StartsWith("exported", console.Output.ToString());
        Assert.Equal(0, console.Run("import", "--pth", pth, "--task", "mucac", "--out", imported));
        Assert.Equal("", console.Error.ToString());

        using (var scope = NewDisposeScope())
            Assert.Contains("fc.weight", PyTorchCheckpoint.Read(pth).Tensors.Keys);
        using var loaded = ModelFile.Load(imported, "mucac", CPU);
        AssertIdentical(model, loaded);
    }

    [Theory]
    [InlineData("original.safetensors")] // the format follows the extension
    [InlineData("original.st", "--format", "safetensors")]
    public void Export_as_safetensors_then_import_gives_back_the_checkpoint(string name, params string[] format)
    {
        using var dir = new TempDirectory();
        using var model = ModelWithStatistics(8);
        var (original, exported, imported) = (Path.Combine(dir.Path, "original.ckpt"), Path.Combine(dir.Path, name), Path.Combine(dir.Path, "imported.ckpt"));
        Checkpoint.Save(model, original);

        var console = new TestConsole();
        console.Console.Profile.Width = 1000;
        Assert.Equal(0, console.Run(["export", "--checkpoint", original, "--task", "mufac", "--out", exported, .. format]));
        Assert.Equal(0, console.Run("import", "--pth", exported, "--task", "mufac", "--out", imported));

        Assert.Equal("", console.Error.ToString());
        Assert.EndsWith($"to {exported} (safetensors)", console.Output.ToString().Split('\n')[0]);
        Assert.Equal(ModelFormat.Safetensors, ModelFormats.Detect(exported));
        using var loaded = ModelFile.Load(imported, "mufac", CPU);
        AssertIdentical(model, loaded);
    }

    [Fact]
    public void An_export_format_Lethe_does_not_write_is_a_usage_error()
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run("export", "--checkpoint", "a.ckpt", "--task", "mufac", "--out", "b.onnx", "--format", "onnx"));
        AssertOneLine(console, "onnx");
    }

    [Fact]
    public void A_trainers_checkpoint_imports_and_the_note_says_what_was_unwrapped()
    {
        using var dir = new TempDirectory();
        using var model = ModelWithStatistics(8);
        var pth = Path.Combine(dir.Path, "checkpoint.pth");
        var imported = Path.Combine(dir.Path, "imported.ckpt");
        using (var scope = NewDisposeScope())
            ResNetLayouts.WriteFlat(pth, model.state_dict(), "module.", wrap: true, counters: true);

        var console = new TestConsole();
        console.Console.Profile.Width = 1000; // the note is one line however long the path; a narrow console would wrap it

        Assert.Equal(0, console.Run("import", "--pth", pth, "--task", "mufac", "--out", imported));

        Assert.Equal("", console.Error.ToString());
        var lines = console.Output.ToString().TrimEnd().Split('\n');
        Assert.Equal($"note: {pth}: took the weights under 'state_dict' and skipped 3 other entries: best_acc (float), epoch (int), optimizer (dict); "
            + "removed the prefix 'module.' from every key", lines[0]);
        Assert.StartsWith("imported", lines[1]);
        using var loaded = ModelFile.Load(imported, "mufac", CPU);
        AssertIdentical(model, loaded);
    }

    [Fact]
    public void A_bad_file_is_one_line_and_exit_code_1()
    {
        using var dir = new TempDirectory();
        var pth = Path.Combine(dir.Path, "partial.pth");
        WriteTinyStateDict(pth, ResNetKeys(3).Where(k => k != "fc.bias"));

        var console = new TestConsole();
        Assert.Equal(1, console.Run("import", "--pth", pth, "--task", "mucac", "--out", Path.Combine(dir.Path, "x.ckpt")));
        AssertOneLine(console, "missing key fc.bias");
        Assert.False(File.Exists(Path.Combine(dir.Path, "x.ckpt")));
    }

    [Fact]
    public void The_hostile_file_is_one_line_exit_code_1_and_creates_nothing()
    {
        var hostile = TestVectorFolder.Require("hostile.pth");
        using var dir = new TempDirectory();
        var console = new TestConsole();
        Assert.Equal(1, console.Run("import", "--pth", hostile, "--task", "mufac", "--out", Path.Combine(dir.Path, "x.ckpt")));
        AssertOneLine(console, "posix.system");
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        Assert.False(File.Exists("lethe-pwned"));
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "lethe-pwned")));
    }

    [Theory]
    [InlineData("import", "--pth", "a.pth", "--task", "mucac-bald", "--out", "b.ckpt")]
    [InlineData("export", "--checkpoint", "a.ckpt", "--task", "bald", "--pth", "b.pth")]
    [InlineData("import", "--pth", "a.pth", "--task", "mufac")]
    public void Bad_usage_is_one_line_and_exit_code_2(params string[] args)
    {
        var console = new TestConsole();
        Assert.Equal(2, console.Run(args));
        AssertOneLine(console, args.Length == 7 ? "unknown task" : "--out");
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exit_code_1()
    {
        var console = new TestConsole();
        Assert.Equal(1, console.Run("export", "--checkpoint", "/nonexistent/a.ckpt", "--task", "mufac", "--pth", "/nonexistent/b.pth"));
        AssertOneLine(console, "/nonexistent/a.ckpt");
    }

    private static void AssertOneLine(TestConsole console, string expected)
    {
        var lines = console.Error.ToString().TrimEnd().Split('\n');
        Assert.Single(lines);
        Assert.Contains(expected, lines[0]);
        Assert.StartsWith("lethe: ", lines[0]);
    }
}
