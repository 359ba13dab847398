using System.IO.Compression;
using System.Runtime.InteropServices;
using Lethe.IO;
using Razorvine.Pickle;

namespace Lethe.Training;

/// <summary>
/// Reads what torch.save and torch.jit.save wrote (their zip layout) as .NET objects: a dict is a Hashtable, a list an
/// ArrayList, a tuple an object[], a tensor a Tensor in the caller's dispose scope, a Python object a ClassDict of its
/// attributes. The pickle is scanned before anything is built from it.
/// </summary>
internal static class TorchSaveArchive
{
    /// <summary>data.pkl of a ResNet-18 is about 20 KB; the cap keeps a hostile archive from inflating into memory.</summary>
    private const int MaxPickleBytes = 16 << 20;

    /// <summary>The object torch.save was given (for TorchScript, the module), and what the reading found.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">It is not a zip archive Lethe reads; the message names the file.</exception>
    public static TorchSaveContents Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PyTorch checkpoint not found: {path}", path);
        using var stream = File.OpenRead(path);
        var format = ModelFormats.ByContent(stream);
        if (format == ModelFormat.TorchSaveLegacy)
            throw new InvalidDataException($"{path}: saved in PyTorch's legacy (pre-1.6) format, which Lethe does not read; {ModelFormats.ResaveAdvice}");
        if (format is not (ModelFormat.TorchSave or ModelFormat.TorchScript))
            throw new InvalidDataException($"{path}: not a PyTorch checkpoint (torch.save and torch.jit.save write a zip archive, safetensors a JSON header)");
        using var archive = Unzipping(path, () => new ZipArchive(stream, ZipArchiveMode.Read));
        var entry = DataPickle(archive, path);
        var pickle = Unzipping(path, () => Inflate(entry, MaxPickleBytes + 1));
        if (pickle.Length > MaxPickleBytes)
            throw new InvalidDataException($"{path}: data.pkl is over {MaxPickleBytes} bytes, too large for a state_dict");
        // The bytes unpickled are the bytes scanned.
        PickleScanner.Check(pickle, path);
        bool torchScript = format == ModelFormat.TorchScript;
        try
        {
            var advice = torchScript ? "" : "; re-save the weights alone with torch.save(model.state_dict(), \"weights.pth\")";
            var saved = Unpickle(pickle, archive, entry.FullName[..^entry.Name.Length], advice, out var failedChecksums);
            return new TorchSaveContents(saved, torchScript, failedChecksums);
        }
        catch (InvalidDataException e)
        {
            // A TorchScript module may hold what no state_dict does, and PyTorch can turn it into one.
            throw new InvalidDataException(torchScript
                ? $"{path}: a TorchScript archive (torch.jit.save) whose data.pkl Lethe cannot read ({e.Message}); " +
                    $"turn it into a state_dict in Python with {TorchScriptModules.ResaveAdvice}"
                : $"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Whether a zip is torch.jit.save's: it holds the module's compiled code (code/) and constants.pkl beside data.pkl,
    /// which torch.save never writes. A zip that cannot be read is not (the reader then says what is wrong). Rewinds.
    /// </summary>
    public static bool IsTorchScript(Stream stream)
    {
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return archive.Entries.Any(e => e.FullName.EndsWith("/constants.pkl", StringComparison.Ordinal) || e.FullName.Contains("/code/"));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return false;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    /// <summary>torch.load reads the one data.pkl in the archive's top folder.</summary>
    private static ZipArchiveEntry DataPickle(ZipArchive archive, string path)
    {
        var entries = archive.Entries.Where(e => e.Name == "data.pkl").ToList();
        return entries.Count == 1 ? entries[0]
            : throw new InvalidDataException($"{path}: a torch.save archive has one data.pkl, this one has {entries.Count}");
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
        catch (Exception e) when (e is IOException or InvalidDataException) // a cut-off archive: InvalidDataException
        {
            throw new InvalidDataException($"{path}: not a readable zip archive ({FirstLine(e)})", e);
        }
    }

    /// <summary>data.pkl's object; a problem is an <see cref="InvalidDataException"/> whose message does not yet name the file.</summary>
    /// <param name="advice">What the user can do when the pickle calls a function Lethe does not know ("; re-save ..."), or "".</param>
    private static object? Unpickle(byte[] pickle, ZipArchive archive, string folder, string advice, out IReadOnlyList<string> failedChecksums)
    {
        try
        {
            using var unpickler = new StateDictUnpickler(archive, folder);
            var saved = unpickler.loads(pickle);
            failedChecksums = unpickler.FailedChecksums;
            return saved;
        }
        catch (PickleException e) when (UnknownCall(e) is { } global)
        {
            throw new InvalidDataException($"its pickle calls '{global}' with arguments, which only Python can do, and Lethe runs nothing{advice}", e);
        }
        catch (Exception e) when (IsMalformed(e))
        {
            throw new InvalidDataException($"its pickle does not describe objects Lethe can build ({FirstLine(e)})", e);
        }
    }

    /// <summary>
    /// The global that Razorvine could not build: it keeps a class it does not know as a record of its attributes
    /// (ClassDict), and refuses to pass that record arguments, which only a real call could use.
    /// </summary>
    private static string? UnknownCall(PickleException e)
    {
        const string prefix = "expected zero arguments for construction of ClassDict (for ";
        int end = e.Message.IndexOf(')', Math.Min(prefix.Length, e.Message.Length));
        return e.Message.StartsWith(prefix, StringComparison.Ordinal) && end > 0 ? e.Message[prefix.Length..end] : null;
    }

    /// <summary>What Razorvine.Pickle and LibTorch throw on a file that parses as a pickle but is not a state_dict.</summary>
    private static bool IsMalformed(Exception e) =>
        e is PickleException or InvalidCastException or InvalidOperationException or NotImplementedException or IOException
            or ExternalException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException or NullReferenceException
            or OverflowException or FormatException;

    /// <summary>LibTorch appends a C++ backtrace to its messages; the CLI prints errors as one line.</summary>
    internal static string FirstLine(Exception e) => e.Message.Split('\n', 2)[0].TrimEnd();
}
