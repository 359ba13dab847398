using Lethe.IO;
using Lethe.Models;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;
using Lethe.Data;

namespace Lethe.Training;

/// <summary>
/// Reads and writes a ResNet-18 as a PyTorch state_dict (torch.save's zip layout) with torchvision's key names, so a
/// model moves between Lethe and the reference's notebooks. The reference's multi-label head is nested (fc.fc.*).
/// </summary>
public static class PyTorchCheckpoint
{
    /// <summary>A ResNet-18 for <paramref name="task"/> (a <see cref="TaskNames"/> name) with the weights of a .pth file.</summary>
    /// <exception cref="ArgumentException">The task name is unknown.</exception>
    /// <exception cref="InvalidDataException">The file is not a state_dict of that model; the message names the key.</exception>
    public static nn.Module<Tensor, Tensor> Load(string path, string task, Device device) => Load(path, task, device, out _);

    /// <summary>A ResNet-18 with the weights of a .pth file, and what it took to find them.</summary>
    /// <param name="path">The .pth file.</param>
    /// <param name="task">A <see cref="TaskNames"/> name; errors quote it as given.</param>
    /// <param name="device">Where the model lives.</param>
    /// <param name="note">One line saying what was unwrapped or filled in (see <see cref="LoadInto"/>), or null.</param>
    /// <exception cref="ArgumentException">The task name is unknown.</exception>
    /// <exception cref="InvalidDataException">The file is not a state_dict of that model; the message names the key.</exception>
    public static nn.Module<Tensor, Tensor> Load(string path, string task, Device device, out string? note) =>
        Load(path, TaskNames.Resolve(task), task, device, out note);

    /// <inheritdoc cref="Load(string, string, Device, out string?)"/>
    public static nn.Module<Tensor, Tensor> Load(string path, PredictionTask task, Device device, out string? note) =>
        Load(path, task, task.Name, device, out note);

    private static nn.Module<Tensor, Tensor> Load(string path, PredictionTask task, string taskName, Device device, out string? note)
    {
        string? said = null;
        var model = ModelFile.Fill(task, device, model => said = LoadInto(model, path, taskName));
        note = said;
        return model;
    }

    /// <summary>
    /// Copies a file's tensors into <paramref name="model"/>, after checking every key and shape: whatever PyTorch's
    /// torch.load and a strict load_state_dict accept (tensors that are views of a shared storage, BatchNorm layers
    /// saved without num_batches_tracked, float16 and bfloat16 weights, which are converted), the common wrappers
    /// around it (see <see cref="StateDictUnwrap"/>), TorchScript archives and safetensors files.
    /// </summary>
    /// <param name="model">A ResNet-18 whose head fits the task (or any module: keys and shapes must match its own).</param>
    /// <param name="path">The .pth file.</param>
    /// <param name="task">The task's name as the user knows it, for error messages.</param>
    /// <returns>One line saying what was unwrapped, skipped, converted or filled in, naming the file; null for a plain state_dict.</returns>
    /// <exception cref="InvalidDataException">The file does not hold this model's weights; the message names the file and key.</exception>
    public static string? LoadInto(nn.Module<Tensor, Tensor> model, string path, string task)
    {
        using var scope = NewDisposeScope();
        var target = model.state_dict();
        var file = BatchNormCounters.Fill(Read(path, target.Keys), target);
        var pairs = StateDictMatch.Pair(file.Tensors, target, path, task);
        using var noGrad = no_grad();
        foreach (var (fileKey, modelKey) in pairs) target[modelKey].copy_(file.Tensors[fileKey]);
        var converted = StateDictMatch.Conversions(pairs, file.Tensors, target);
        return (converted is null ? file : file with { Changes = [.. file.Changes, converted] }).Note(path);
    }

    /// <summary>
    /// Writes <paramref name="model"/> as a state_dict that torchvision's resnet18 accepts, atomically: a torch.save zip
    /// for torch.load, or safetensors for safetensors.torch.load_file (timm's Hub format), both by TorchSharp.PyBridge.
    /// The multi-label head is written as fc.fc.* (the reference's model) unless <paramref name="flatHead"/>.
    /// </summary>
    /// <param name="format"><see cref="ModelFormat.TorchSave"/> or <see cref="ModelFormat.Safetensors"/>.</param>
    /// <exception cref="ArgumentException">The model's head does not fit <paramref name="task"/>, or the format is not one Lethe writes.</exception>
    public static void Save(nn.Module<Tensor, Tensor> model, string path, PredictionTask task, bool flatHead = false,
        ModelFormat format = ModelFormat.TorchSave)
    {
        if (format is not (ModelFormat.TorchSave or ModelFormat.Safetensors))
            throw new ArgumentException($"Lethe exports a PyTorch state_dict (zip) or safetensors, not a {ModelFormats.Describe(format)}");
        using var scope = NewDisposeScope();
        var outputs = model.state_dict()["fc.weight"].shape[0];
        if (outputs != task.Outputs)
            throw new ArgumentException($"the model has {outputs} outputs but task {task.Name} has {task.Outputs}");
        var stateDict = ExportStateDict(model, HeadPrefix(task, flatHead));
        AtomicFile.Write(path, temp =>
        {
            using var stream = File.Create(temp);
            if (format == ModelFormat.Safetensors) Safetensors.SaveStateDict(stream, stateDict, leaveOpen: true);
            else PyTorchPickler.PickleStateDict(stream, stateDict);
        });
    }

    /// <summary>
    /// The state_dict to write, with torchvision's keys in torchvision's order: each module's parameters then its buffers.
    /// TorchSharp lists every parameter (in torchvision's order) before every buffer; code that walks a state_dict by
    /// position needs PyTorch's, so each key moves up to its module's first key.
    /// </summary>
    internal static Dictionary<string, Tensor> ExportStateDict(nn.Module<Tensor, Tensor> model, string headPrefix)
    {
        var stateDict = model.state_dict();
        static string Module(string key) => key[..Math.Max(key.LastIndexOf('.'), 0)];
        var firstKey = new Dictionary<string, int>();
        foreach (var (key, index) in stateDict.Keys.Select((key, index) => (key, index))) firstKey.TryAdd(Module(key), index);
        // Fresh contiguous CPU copies: PyBridge writes a tensor's bytes but describes it by its offset and strides,
        // and PyTorch's own state_dict holds tensors that do not require grad.
        return stateDict
            .OrderBy(entry => firstKey[Module(entry.Key)]) // stable, so a module's keys keep their order
            .ToDictionary(entry => StateDictMatch.FileKey(entry.Key, headPrefix), entry => entry.Value.detach().cpu().clone());
    }

    /// <summary>The prefix <see cref="Save"/> gives the head's keys: fc.fc. for the reference's multi-label model, else fc.</summary>
    public static string HeadPrefix(PredictionTask task, bool flatHead) =>
        task is MultiLabelTask && !flatHead ? StateDictMatch.NestedHead : StateDictMatch.FlatHead;

    /// <summary>
    /// The file's weights, in the current dispose scope, from any of PyTorch's formats Lethe reads (torch.save,
    /// torch.jit.save, safetensors). With <paramref name="modelKeys"/>, a key prefix the model does not have is removed;
    /// without, the keys are the file's.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file holds no weights Lethe can read; the message names the file.</exception>
    internal static StateDictFile Read(string path, IEnumerable<string>? modelKeys = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PyTorch checkpoint not found: {path}", path);
        return ModelFormats.Detect(path) == ModelFormat.Safetensors
            ? StateDictUnwrap.Unwrap(SafetensorsFile.Read(path), modelKeys, path)
            : ReadArchive(path, modelKeys);
    }

    private static StateDictFile ReadArchive(string path, IEnumerable<string>? modelKeys)
    {
        var contents = TorchSaveArchive.Read(path);
        object? saved = contents.Saved;
        string? found = null;
        if (contents.IsTorchScript) (saved, found) = TorchScriptModules.StateDict(contents.Saved, path);
        var file = StateDictUnwrap.Unwrap(saved, modelKeys, path);
        var failed = contents.FailedChecksums;
        var which = string.Join(", ", failed.Take(3)) + (failed.Count > 3 ? $" and {failed.Count - 3} more" : "");
        string? damaged = failed.Count == 0 ? null : $"DAMAGED: the bytes of {which} fail the zip's CRC-32 check, so some weights "
            + "are not what torch.save wrote and the model's numbers may be wrong or NaN (torch.load does not check, and loads it as it is)";
        return file with { Changes = [.. Phrases(found), .. file.Changes, .. Phrases(damaged)] };
    }

    private static IEnumerable<string> Phrases(string? phrase) => phrase is null ? [] : [phrase];
}
