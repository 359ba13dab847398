using System.Collections;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Lethe.IO;
using Lethe.Models;
using Razorvine.Pickle;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Reads and writes a ResNet-18 as a PyTorch state_dict (torch.save's zip layout) with torchvision's key names, so a
/// model moves between Lethe and the reference's notebooks. The reference's multi-label head is nested (fc.fc.*).
/// </summary>
public static class PyTorchCheckpoint
{
    /// <summary>data.pkl of a ResNet-18 is about 20 KB; the cap keeps a hostile archive from inflating into memory.</summary>
    private const int MaxPickleBytes = 16 << 20;

    /// <summary>A ResNet-18 for <paramref name="task"/> (a <see cref="TaskNames"/> name) with the weights of a .pth file.</summary>
    /// <exception cref="ArgumentException">The task name is unknown.</exception>
    /// <exception cref="InvalidDataException">The file is not a state_dict of that model; the message names the key.</exception>
    public static nn.Module<Tensor, Tensor> Load(string path, string task, Device device) => Load(path, TaskNames.Resolve(task), task, device);

    /// <inheritdoc cref="Load(string, string, Device)"/>
    public static nn.Module<Tensor, Tensor> Load(string path, PredictionTask task, Device device) => Load(path, task, task.Name, device);

    private static nn.Module<Tensor, Tensor> Load(string path, PredictionTask task, string taskName, Device device) =>
        ModelFile.Fill(task, device, model => LoadInto(model, path, taskName));

    /// <summary>Copies a .pth file's tensors into <paramref name="model"/>, after checking every key and shape.</summary>
    /// <param name="model">A ResNet-18 whose head fits the task.</param>
    /// <param name="path">The .pth file.</param>
    /// <param name="task">The task's name as the user knows it, for error messages.</param>
    public static void LoadInto(nn.Module<Tensor, Tensor> model, string path, string task)
    {
        using var scope = NewDisposeScope();
        var file = Read(path);
        var target = model.state_dict();
        var pairs = StateDictMatch.Pair(file, target, path, task);
        using var noGrad = no_grad();
        foreach (var (fileKey, modelKey) in pairs) target[modelKey].copy_(file[fileKey]);
    }

    /// <summary>
    /// Writes <paramref name="model"/> as a state_dict that torch.load and torchvision's resnet18 accept, atomically.
    /// The multi-label head is written as fc.fc.* (the reference's model) unless <paramref name="flatHead"/>.
    /// </summary>
    public static void Save(nn.Module<Tensor, Tensor> model, string path, PredictionTask task, bool flatHead = false)
    {
        using var scope = NewDisposeScope();
        var outputs = model.state_dict()["fc.weight"].shape[0];
        if (outputs != task.Outputs)
            throw new ArgumentException($"the model has {outputs} outputs but task {task.Name} has {task.Outputs}");
        var stateDict = ExportStateDict(model, HeadPrefix(task, flatHead));
        AtomicFile.Write(path, temp =>
        {
            using var stream = File.Create(temp);
            PyTorchPickler.PickleStateDict(stream, stateDict);
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

    /// <summary>The file's tensors by their keys in the file, in the current dispose scope.</summary>
    internal static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PyTorch checkpoint not found: {path}", path);
        // One stream for the check and the load, so the bytes PyBridge reads are the bytes that were checked.
        using var stream = File.OpenRead(path);
        switch (PyTorchFormat.Detect(stream))
        {
            case PyTorchLayout.Legacy:
                throw new InvalidDataException($"{path}: saved in PyTorch's legacy (pre-1.6) format, which Lethe does not read; {PyTorchFormat.ResaveAdvice}");
            case PyTorchLayout.None:
                throw new InvalidDataException($"{path}: not a PyTorch checkpoint (torch.save writes a zip archive)");
        }
        PickleScanner.Check(ReadPickle(stream, path), path);
        stream.Position = 0;
        return ToTensors(Unpickle(stream, path), path);
    }

    /// <summary>The bytes of the archive's data.pkl, chosen as PyBridge chooses it (the entry whose name ends so).</summary>
    private static byte[] ReadPickle(Stream stream, string path)
    {
        using var archive = Unzipping(path, () => new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true));
        var entries = archive.Entries.Where(e => e.Name.EndsWith("data.pkl", StringComparison.Ordinal)).ToList();
        if (entries.Count != 1)
            throw new InvalidDataException($"{path}: a torch.save archive has one data.pkl, this one has {entries.Count}");
        var pickle = Unzipping(path, () => Inflate(entries[0], MaxPickleBytes + 1));
        return pickle.Length <= MaxPickleBytes ? pickle
            : throw new InvalidDataException($"{path}: data.pkl is over {MaxPickleBytes} bytes, too large for a state_dict");
    }

    /// <summary>At most <paramref name="limit"/> bytes of an entry: its declared size may lie.</summary>
    private static byte[] Inflate(ZipArchiveEntry entry, int limit)
    {
        using var source = entry.Open();
        var bytes = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (bytes.Length < limit && (read = source.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - bytes.Length))) > 0)
            bytes.Write(chunk, 0, read);
        return bytes.ToArray();
    }

    /// <summary>Names the file when the zip reader finds it damaged (its own messages do not).</summary>
    private static T Unzipping<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{path}: not a readable zip archive ({FirstLine(e)})", e);
        }
    }

    private static Hashtable Unpickle(Stream stream, string path)
    {
        try
        {
            return PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
        }
        catch (Exception e) when (IsMalformed(e))
        {
            throw new InvalidDataException($"{path}: not a state_dict Lethe can read ({FirstLine(e)})", e);
        }
    }

    /// <summary>What PyBridge and Razorvine.Pickle throw on a file that parses as a pickle but is not a state_dict.</summary>
    private static bool IsMalformed(Exception e) =>
        e is PickleException or InvalidCastException or InvalidOperationException or NotImplementedException or IOException
            or ExternalException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException
            or OverflowException;

    /// <summary>LibTorch appends a C++ backtrace to its messages; the CLI prints errors as one line.</summary>
    private static string FirstLine(Exception e) => e.Message.Split('\n', 2)[0].TrimEnd();

    private static Dictionary<string, Tensor> ToTensors(Hashtable table, string path)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string key || entry.Value is not Tensor tensor)
                throw new InvalidDataException($"{path}: entry '{entry.Key}' is {entry.Value?.GetType().Name ?? "null"}, not a tensor");
            tensors[key] = tensor;
        }
        return tensors;
    }
}
