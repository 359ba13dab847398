using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>
/// Checkpoints as trainers and PyTorch's own savers write them, each made by real PyTorch (CheckpointFormats/
/// make_fixtures.py): Lethe gives PyTorch's outputs, says on one line what it skipped, and refuses a hostile file.
/// </summary>
public class CheckpointFormatTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("timm_args.pth", "took the weights under 'state_dict' and skipped 6 other entries: arch (str), args (argparse.Namespace), "
        + "epoch (int), metric (float), optimizer (dict), version (int)")]
    [InlineData("numpy_best_acc.pth", "took the weights under 'state_dict' and skipped 3 other entries: best_acc (numpy scalar), epoch (int), "
        + "history (numpy array)")]
    [InlineData("protocol4.pth", null)]
    [InlineData("protocol5.pth", "took the weights under 'model' and skipped 1 other entry: ray_metadata (bytes)")]
    [InlineData("scripted.pt", "read the 8 tensors of TorchScript module __torch__.Tiny (its code is not run)")]
    [InlineData("traced.pt", "read the 8 tensors of TorchScript module __torch__.Tiny (its code is not run)")]
    [InlineData("tiny.safetensors", null)]
    [InlineData("tiny_f16.safetensors", "converted 7 float16 tensors to float32")]
    [InlineData("tiny_bf16.safetensors", "converted 7 bfloat16 tensors to float32")]
    public void A_checkpoint_gives_PyTorchs_outputs_and_says_what_it_skipped(string file, string? note)
    {
        var path = FormatFixtures.Path(file);
        using var model = new TinyNet();

        var said = PyTorchCheckpoint.LoadInto(model, path, "tiny");

        Assert.Equal(note is null ? null : $"{path}: {note}", said);
        AssertPyTorchsOutputs(model, file);
    }

    [Theory]
    [InlineData("timm_args.pth", ModelFormat.TorchSave)]
    [InlineData("protocol5.pth", ModelFormat.TorchSave)]
    [InlineData("scripted.pt", ModelFormat.TorchScript)]
    [InlineData("traced.pt", ModelFormat.TorchScript)]
    [InlineData("tiny_bf16.safetensors", ModelFormat.Safetensors)]
    public void The_format_is_told_by_the_files_first_bytes(string file, ModelFormat format)
    {
        using var dir = new Support.TempDirectory();
        var renamed = Path.Combine(dir.Path, "model.weights"); // no extension to go by
        File.Copy(FormatFixtures.Path(file), renamed);
        Assert.Equal(format, ModelFormats.Detect(renamed));
    }

    [Fact]
    public void A_pickle_that_would_run_a_command_is_refused_in_one_line_and_runs_nothing()
    {
        var path = FormatFixtures.Path("malicious.pth");
        using var model = new TinyNet();

        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.LoadInto(model, path, "tiny"));

        Assert.Equal($"{path}: its pickle calls 'posix.system', which runs code when Python loads the file; refusing it "
            + "(the file may be hostile)", error.Message);
        Assert.False(File.Exists("lethe-pwned"));
    }

    private void AssertPyTorchsOutputs(TinyNet model, string file)
    {
        var (expected, counter) = FormatFixtures.LoadedByPyTorch(file);
        using var input = FormatFixtures.Input();
        using var actual = PyTorchFixtures.Logits(model, input);
        double diff = actual.sub(expected).abs().max().item<float>();
        output.WriteLine($"{file}: max |output - PyTorch| = {diff:E2}");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
        Assert.Equal(counter, model.state_dict()["bn.num_batches_tracked"].item<long>()); // the module's own buffer: not ours to dispose
        expected.Dispose();
    }
}
