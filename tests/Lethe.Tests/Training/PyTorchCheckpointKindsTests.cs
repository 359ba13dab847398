using Lethe.Training;
using static Lethe.Tests.Training.PthFixtures;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>
/// Checkpoints as people save them, each written by real PyTorch (Fixtures/make_pth_fixtures.py): Lethe loads what
/// PyTorch's torch.load and strict load_state_dict load, with PyTorch's outputs, unwraps what users unwrap by hand
/// (saying so), and refuses the rest with one line.
/// </summary>
public class PyTorchCheckpointKindsTests(ITestOutputHelper output)
{
    private const string Counters = "set 1 missing BatchNorm num_batches_tracked to 0, as PyTorch does for files saved before 0.4.1";

    [Theory]
    [InlineData("offset", null)] // conv.weight is a view at offset 7 of a larger storage
    [InlineData("transposed", null)] // fc.weight has strides (1, 5)
    [InlineData("shared", null)] // bn.weight and bn.bias are two halves of one storage
    [InlineData("flat", null)] // every float tensor is a view of one flat storage
    [InlineData("parameters", null)] // state_dict(keep_vars=True): nn.Parameter objects
    [InlineData("no_counter", Counters)] // a plain dict without num_batches_tracked: no metadata, so no version
    [InlineData("old_bn_version", Counters)] // a pre-0.4.1 file re-saved: metadata says BatchNorm version 1
    [InlineData("wrapped", "took the weights under 'state_dict' (beside best_acc, epoch, optimizer)")]
    [InlineData("model_key", "took the weights under 'model' (beside epoch)")]
    [InlineData("module_prefix", "removed the prefix 'module.' from every key")]
    [InlineData("orig_mod_prefix", "removed the prefix '_orig_mod.' from every key")]
    [InlineData("both_prefixes", "removed the prefix 'module._orig_mod.' from every key")]
    public void A_checkpoint_PyTorch_loads_gives_PyTorchs_outputs(string kind, string? note)
    {
        var path = PthFixtures.Path($"{kind}.pth");
        using var model = new TinyNet();

        var said = PyTorchCheckpoint.LoadInto(model, path, "tiny");

        Assert.Equal(note is null ? null : $"{path}: {note}", said);
        using var input = Floats("input.f32", 2, 3, 4, 4);
        using var expected = Floats($"{kind}.f32", 2, 5);
        using var actual = PyTorchFixtures.Logits(model, input);
        double diff = actual.sub(expected).abs().max().item<float>();
        output.WriteLine($"{kind}: max |output - PyTorch| = {diff:E2}");
        Assert.True(diff < 1e-6, $"max abs diff {diff}");
        var counter = model.state_dict()["bn.num_batches_tracked"]; // the module's own buffer: not ours to dispose
        Assert.Equal(Kind(kind).GetProperty("num_batches_tracked").GetInt64(), counter.item<long>());
    }

    [Fact]
    public void A_counter_deleted_from_a_current_state_dict_is_refused_as_PyTorch_refuses_it()
    {
        // Its metadata says BatchNorm version 2, which has the counter: PyTorch reports it missing.
        Assert.Contains("Missing key(s) in state_dict: \"bn.num_batches_tracked\"", Kind("deleted_counter").GetProperty("pytorch").GetString());
        var path = PthFixtures.Path("deleted_counter.pth");
        using var model = new TinyNet();
        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.LoadInto(model, path, "tiny"));
        Assert.Equal($"{path}: missing key bn.num_batches_tracked, which resnet18 for task 'tiny' needs", error.Message);
    }

    [Fact]
    public void A_checkpoint_without_weights_is_refused_naming_its_keys()
    {
        var path = PthFixtures.Path("no_weights.pth");
        using var model = new TinyNet();
        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.LoadInto(model, path, "tiny"));
        Assert.Equal($"{path}: holds no weights (no dict of tensors); its top-level keys are best_acc, epoch, optimizer. "
            + "Save the model's weights with torch.save(model.state_dict(), \"weights.pth\")", error.Message);
    }

    [Fact]
    public void Lethe_loads_exactly_the_kinds_PyTorch_loads()
    {
        foreach (var kind in Kinds())
        {
            using var model = new TinyNet();
            bool pytorch = Kind(kind).TryGetProperty("pytorch", out var verdict) && verdict.GetString() == "loads";
            bool lethe = Record.Exception(() => PyTorchCheckpoint.LoadInto(model, PthFixtures.Path($"{kind}.pth"), "tiny")) is null;
            output.WriteLine($"{kind}: PyTorch {(pytorch ? "loads" : "refuses")}, Lethe {(lethe ? "loads" : "refuses")}");
            Assert.True(pytorch == lethe, $"{kind}: PyTorch {(pytorch ? "loads" : "refuses")} it, Lethe does not agree");
        }
    }
}
