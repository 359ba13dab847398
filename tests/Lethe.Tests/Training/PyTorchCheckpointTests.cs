using Lethe.Models;
using Lethe.Tests.Evaluation;
using Lethe.Tests.Support;
using Lethe.Training;
using TorchSharp;
using static Lethe.Tests.Training.PyTorchFixtures;
using static TorchSharp.torch;
using Lethe.Data;

namespace Lethe.Tests.Training;

/// <summary>The reference's torchvision checkpoints (../shared/testvectors) import with torchvision's logits.</summary>
public class PyTorchCheckpointReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("resnet18_mufac", "mufac", 8)]
    [InlineData("resnet18_multilabel", "mucac", 3)]
    public void An_imported_reference_model_computes_torchvisions_logits(string vector, string task, int outputs)
    {
        var pth = TestVectorFolder.Require($"{vector}.pth");
        using var input = ReadFloats($"{vector}.input.f32", 2, 3, 128, 128);
        using var expected = ReadFloats($"{vector}.logits.f32", 2, outputs);
        using var model = PyTorchCheckpoint.Load(pth, task, CPU);
        using var logits = Logits(model, input);

        double diff = logits.sub(expected).abs().max().item<float>();
        output.WriteLine($"{vector}: max |logit - torchvision| = {diff:E2}");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
    }

    /// <summary>The variants are written here from the reference file (45 MB each, so they are not committed).</summary>
    [Theory]
    [InlineData(true, true, "module._orig_mod.",
        "took the weights under 'state_dict' and skipped 3 other entries: best_acc (float), epoch (int), optimizer (dict); removed the prefix 'module._orig_mod.' from every key")]
    [InlineData(false, false, "", "set 20 missing BatchNorm num_batches_tracked to 0, as PyTorch does for files saved before 0.4.1")]
    [InlineData(true, true, "", "took the weights under 'state_dict' and skipped 3 other entries: best_acc (float), epoch (int), optimizer (dict)", 4)]
    public void The_reference_model_saved_as_trainers_save_it_computes_torchvisions_logits(bool wrap, bool counters, string prefix, string note,
        int protocol = 2)
    {
        var pth = TestVectorFolder.Require("resnet18_mufac.pth");
        using var dir = new TempDirectory();
        var variant = Path.Combine(dir.Path, "flat.pth");
        using (var scope = NewDisposeScope())
            ResNetLayouts.WriteFlat(variant, PyTorchCheckpoint.Read(pth).Tensors, prefix, wrap, counters, protocol);
        using var input = ReadFloats("resnet18_mufac.input.f32", 2, 3, 128, 128);
        using var expected = ReadFloats("resnet18_mufac.logits.f32", 2, 8);

        using var model = PyTorchCheckpoint.Load(variant, "mufac", CPU, out var said);

        Assert.Equal($"{variant}: {note}", said);
        using var logits = Logits(model, input);
        double diff = logits.sub(expected).abs().max().item<float>();
        output.WriteLine($"one flat storage, fc.weight column-major, prefix '{prefix}', wrapped {wrap}, counters {counters}, protocol {protocol}: "
            + $"max |logit - torchvision| = {diff:E2}");
        Assert.True(diff < 1e-4, $"max abs diff {diff}");
    }

    [Theory]
    [InlineData("resnet18_mufac", "mufac", false)]
    [InlineData("resnet18_multilabel", "mucac", false)]
    [InlineData("resnet18_mufac", "mufac", true)] // float16 halves the file; the logits move by the rounding of the weights
    public void The_reference_model_exported_as_safetensors_computes_torchvisions_logits(string vector, string task, bool half)
    {
        var pth = TestVectorFolder.Require($"{vector}.pth");
        using var dir = new TempDirectory();
        var exported = Path.Combine(dir.Path, "model.safetensors");
        using (var reference = PyTorchCheckpoint.Load(pth, task, CPU))
        {
            if (half) reference.to(ScalarType.Float16);
            PyTorchCheckpoint.Save(reference, exported, TaskNames.Resolve(task), format: ModelFormat.Safetensors);
        }
        using var input = ReadFloats($"{vector}.input.f32", 2, 3, 128, 128);
        using var expected = ReadFloats($"{vector}.logits.f32", 2, TaskNames.Resolve(task).Outputs);

        using var model = PyTorchCheckpoint.Load(exported, task, CPU, out var said);

        Assert.Equal(ModelFormat.Safetensors, ModelFormats.Detect(exported));
        Assert.Equal(half ? $"{exported}: converted 102 float16 tensors to float32" : null, said);
        using var logits = Logits(model, input);
        double diff = logits.sub(expected).abs().max().item<float>();
        output.WriteLine($"{vector} through safetensors{(half ? " as float16" : "")}: max |logit - torchvision| = {diff:E2}");
        Assert.True(diff < (half ? 1e-2 : 1e-4), $"max abs diff {diff}");
    }

    [Theory]
    [InlineData("resnet18_mufac", "mufac")]
    [InlineData("resnet18_multilabel", "mucac")]
    public void An_export_has_the_reference_keys_in_torchvisions_order(string vector, string taskName)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestVectorFolder.Require($"{vector}.json")));
        var task = TaskNames.Resolve(taskName);
        using var model = Networks.Create("resnet18", task.Outputs, CPU, initSeed: 0);
        using var scope = NewDisposeScope();
        var exported = PyTorchCheckpoint.ExportStateDict(model, PyTorchCheckpoint.HeadPrefix(task, flatHead: false)).Keys;
        Assert.Equal(json.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetString()), exported);
    }

    [Theory]
    [InlineData("resnet18_mufac.pth", "mucac", "fc.weight has shape [8,512] but task 'mucac' needs [3,512]")]
    [InlineData("resnet18_multilabel.pth", "mufac", "fc.fc.weight has shape [3,512] but task 'mufac' needs [8,512]")]
    [InlineData("resnet18_mufac.pth", "mucac-male", "fc.weight has shape [8,512] but task 'mucac-male' needs [2,512]")]
    public void A_head_of_another_task_is_refused_naming_the_key_and_both_shapes(string file, string task, string message)
    {
        var pth = TestVectorFolder.Require(file);
        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(pth, task, CPU));
        Assert.Equal($"{pth}: {message}", error.Message);
    }

    [Fact]
    public void The_hostile_pickle_is_refused_and_runs_nothing()
    {
        var pth = TestVectorFolder.Require("hostile.pth");
        string[] markers = [Path.Combine(Directory.GetCurrentDirectory(), "lethe-pwned"), Path.Combine(Path.GetTempPath(), "lethe-pwned")];
        Assert.All(markers, m => Assert.False(File.Exists(m), $"{m} exists before the test"));

        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(pth, "mufac", CPU));

        output.WriteLine(error.Message);
        Assert.Contains("'posix.system'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.All(markers, m => Assert.False(File.Exists(m), $"{m} was created"));
    }

    [Fact]
    public void PyBridge_alone_fails_on_the_hostile_call_without_running_it()
    {
        // Why the scanner is defence in depth rather than the only barrier: Razorvine.Pickle cannot call Python; an
        // unknown global becomes a ClassDict constructor, which refuses arguments. If a new version changes that, this says so.
        var pth = TestVectorFolder.Require("hostile.pth");
        using var stream = File.OpenRead(pth);
        var error = Assert.Throws<Razorvine.Pickle.PickleException>(() => TorchSharp.PyBridge.PyTorchUnpickler.UnpickleStateDict(stream));
        Assert.Contains("posix.system", error.Message);
        Assert.False(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "lethe-pwned")));
    }

    [Fact]
    public void A_legacy_file_is_refused_with_how_to_resave_it()
    {
        var pth = TestVectorFolder.Require("legacy_format.pth");
        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(pth, "mufac", CPU));
        output.WriteLine(error.Message);
        Assert.Contains("legacy (pre-1.6)", error.Message);
        Assert.Contains("torch.save(torch.load(\"old.pth\"", error.Message);
        Assert.Contains("_use_new_zipfile_serialization=True", error.Message);
    }
}

/// <summary>Files made here with PyBridge's writer, so these run without ../shared.</summary>
public class PyTorchCheckpointTests
{
    /// <summary>The nested head; the CLI test does the flat one (each export deflates 45 MB, so they are few).</summary>
    [Fact]
    public void Export_then_import_is_bit_identical()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "model.pth");
        using var model = ModelWithStatistics(3);
        PyTorchCheckpoint.Save(model, path, MultiLabelTask.MaleSmilingYoung);

        using (var scope = NewDisposeScope())
            Assert.Contains("fc.fc.weight", PyTorchCheckpoint.Read(path).Tensors.Keys);
        using var loaded = PyTorchCheckpoint.Load(path, "mucac", CPU);
        AssertIdentical(model, loaded);
        using var input = rand(2, 3, 32, 32);
        using var expected = Logits(model, input);
        using var actual = Logits(loaded, input);
        Assert.True(expected.equal(actual).all().item<bool>());
        Assert.Equal(["model.pth"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_missing_a_key_is_refused_naming_it()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "missing.pth");
        WriteTinyStateDict(path, ResNetKeys(8).Where(k => k != "layer2.1.bn1.running_var"));

        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(path, "mufac", CPU));
        Assert.Equal($"{path}: missing key layer2.1.bn1.running_var, which resnet18 for task 'mufac' needs", error.Message);
    }

    [Fact]
    public void A_storage_whose_bytes_fail_the_zip_checksum_loads_as_torch_load_does_and_is_said_to_be_damaged()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "flipped.pth");
        var bytes = File.ReadAllBytes(TestVectorFolder.Require("resnet18_mufac.pth")); // stored, not deflated, as torch.save writes
        bytes[DataOffset(bytes, "/data/5")] ^= 0x40; // one bit of one weight, as a bad disk or copy does

        File.WriteAllBytes(path, bytes);
        var file = PyTorchCheckpoint.Read(path);

        Assert.Equal(122, file.Tensors.Count);
        Assert.Equal($"{path}: DAMAGED: the bytes of data/5 fail the zip's CRC-32 check, so some weights are not what torch.save wrote "
            + "and the model's numbers may be wrong or NaN (torch.load does not check, and loads it as it is)", file.Note(path));
    }

    /// <summary>
    /// Where an entry's stored bytes start. torch.save's local headers leave the sizes to a data descriptor, so the
    /// entry is found in the central directory (end record: its offset at +16; each entry: name length +28, extra +30,
    /// comment +32, local header offset +42, name +46), then its local header's name and extra field are skipped.
    /// </summary>
    private static int DataOffset(byte[] zip, string nameEnd)
    {
        int end = zip.Length - 22;
        while (BitConverter.ToUInt32(zip, end) != 0x06054b50) end--;
        for (int at = BitConverter.ToInt32(zip, end + 16); BitConverter.ToUInt32(zip, at) == 0x02014b50;)
        {
            int nameLength = BitConverter.ToUInt16(zip, at + 28), local = BitConverter.ToInt32(zip, at + 42);
            if (System.Text.Encoding.UTF8.GetString(zip, at + 46, nameLength).EndsWith(nameEnd, StringComparison.Ordinal))
                return local + 30 + BitConverter.ToUInt16(zip, local + 26) + BitConverter.ToUInt16(zip, local + 28);
            at += 46 + nameLength + BitConverter.ToUInt16(zip, at + 30) + BitConverter.ToUInt16(zip, at + 32);
        }
        throw new InvalidOperationException($"no entry ending in {nameEnd}");
    }

    [Fact]
    public void A_cut_off_archive_is_refused_with_the_file_named()
    {
        using var dir = new TempDirectory();
        var (whole, cut) = (Path.Combine(dir.Path, "whole.pth"), Path.Combine(dir.Path, "cut.pth"));
        WriteTinyStateDict(whole, ResNetKeys(8));
        var bytes = File.ReadAllBytes(whole);
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]); // the central directory, at the end, is gone

        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(cut, "mufac", CPU));
        Assert.StartsWith($"{cut}: not a readable zip archive (", error.Message);
    }

    [Theory]
    [InlineData("", "not a PyTorch checkpoint")]
    [InlineData("zip:", "a torch.save archive has one data.pkl, this one has 0")]
    [InlineData("zip:\u0080\u0002]q\u0000.", "not a state_dict Lethe can read")] // a list
    [InlineData("zip:\u0080\u0002}X\u0001\u0000\u0000\u0000kX\u0001\u0000\u0000\u0000vs.", "holds no weights (no dict of tensors); its top-level keys are k.")]
    [InlineData("zip:\u0080\u0002}X\u0001\u0000\u0000\u0000kcmypkg\nmake\nK\u0001\u0085Rs.", "its pickle calls 'mypkg.make' with arguments, "
        + "which only Python can do, and Lethe runs nothing; re-save the weights alone with torch.save(model.state_dict(), \"weights.pth\")")]
    [InlineData("zip:\u0080\u0002cmymodels\nNet\n)\u0081}X\u0008\u0000\u0000\u0000_modules}sb.", "holds a whole mymodels.Net saved with "
        + "torch.save(model), not a state_dict; re-save its weights in Python, from a file you trust, with torch.save(torch.load(\"odd.pth\", "
        + "weights_only=False).state_dict(), \"weights.pth\")")]
    public void Damaged_and_foreign_files_are_refused_with_the_file_named(string content, string problem)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "odd.pth");
        if (content.StartsWith("zip:")) WriteArchive(path, content["zip:".Length..]);
        else File.WriteAllText(path, "not a model");

        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(path, "mufac", CPU));
        Assert.StartsWith($"{path}: {problem}", error.Message);
        Assert.Throws<FileNotFoundException>(() => PyTorchCheckpoint.Load(Path.Combine(dir.Path, "absent.pth"), "mufac", CPU));
    }

    [Fact]
    public void A_view_past_the_end_of_its_storage_is_refused_with_the_file_named()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "overrun.pth");
        var writer = new TorchSaveWriter();
        using (var scope = NewDisposeScope())
        {
            int storage = writer.Storage(zeros(10));
            writer.Write(path, new TorchSaveWriter.OrderedDict { ["w"] = new TorchSaveWriter.View(storage, 8, [2, 2], [2, 1]) });
        }

        using var reading = NewDisposeScope();
        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Read(path));
        Assert.Equal($"{path}: a tensor of size [2,2], stride [2,1] and offset 8 does not fit its storage data/0 of 10 elements", error.Message);
    }

    [Theory]
    [InlineData("\u0080\u0002}.", "whose data.pkl holds a dict, not a module")]
    [InlineData("\u0080\u0002cmypkg\nmake\nK\u0001\u0085R.", "whose data.pkl Lethe cannot read (its pickle calls 'mypkg.make' with arguments, "
        + "which only Python can do, and Lethe runs nothing)")]
    public void A_TorchScript_archive_without_readable_weights_is_named_with_the_Python_that_converts_it(string pickle, string problem)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "m.pt");
        WriteArchive(path, pickle, torchScript: true);

        var error = Assert.Throws<InvalidDataException>(() => PyTorchCheckpoint.Load(path, "mufac", CPU));
        Assert.Equal($"{path}: a TorchScript archive (torch.jit.save) {problem}; turn it into a state_dict in Python with "
            + "torch.save(torch.jit.load(\"m.pt\").state_dict(), \"m.pth\")", error.Message);
    }

    /// <summary>
    /// A zip laid out like torch.save's, with this data.pkl (one byte per character) unless it is empty, and with
    /// torch.jit.save's constants.pkl if <paramref name="torchScript"/>.
    /// </summary>
    private static void WriteArchive(string path, string pickle, bool torchScript = false)
    {
        using var archive = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        using (var version = archive.CreateEntry("archive/version").Open()) version.Write("3\n"u8);
        if (torchScript)
            using (var constants = archive.CreateEntry("archive/constants.pkl").Open()) constants.Write([0x80, 2, (byte)')', (byte)'.']); // an empty tuple, as for a module without constants
        if (pickle.Length == 0) return;
        using var data = archive.CreateEntry("archive/data.pkl").Open();
        data.Write(System.Text.Encoding.Latin1.GetBytes(pickle));
    }

    [Fact]
    public void Exporting_a_model_under_another_task_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 1);
        Assert.Throws<ArgumentException>(() => PyTorchCheckpoint.Save(model, Path.Combine(dir.Path, "m.pth"), MultiLabelTask.MaleSmilingYoung));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }
}
