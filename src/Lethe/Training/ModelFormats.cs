using System.Buffers.Binary;
using System.IO.Compression;

namespace Lethe.Training;

/// <summary>Tells a model file's <see cref="ModelFormat"/> by its first bytes, and names it for people.</summary>
public static class ModelFormats
{
    private static readonly byte[] ZipSignature = [0x50, 0x4b, 0x03, 0x04];

    /// <summary>torch.serialization's MAGIC_NUMBER 0x1950a86a20f9469cfc6c as a pickle LONG1, little-endian.</summary>
    private static readonly byte[] LegacyMagic = [0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

    /// <summary>Extensions that send a file no content names to the PyTorch readers, so a damaged one gets their message.</summary>
    private static readonly string[] PyTorchExtensions = [".pth", ".pt"];

    /// <summary>How to turn a legacy file into one Lethe reads; weights_only keeps Python from running code in it.</summary>
    public const string ResaveAdvice =
        "re-save it in Python with torch.save(torch.load(\"old.pth\", weights_only=True), \"new.pth\") " +
        "(zip is torch.save's default since PyTorch 1.6; older versions need _use_new_zipfile_serialization=True)";

    /// <summary>
    /// By content when it says so (a zip, PyTorch's legacy magic, a safetensors header: TorchSharp's format has none of
    /// them), else by extension (.safetensors; .pth and .pt), else <see cref="ModelFormat.Lethe"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static ModelFormat Detect(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"model file not found: {path}", path);
        using var stream = File.OpenRead(path);
        var extension = Path.GetExtension(path);
        return ByContent(stream) ?? (extension.Equals(".safetensors", StringComparison.OrdinalIgnoreCase) ? ModelFormat.Safetensors
            : PyTorchExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? ModelFormat.TorchSave
            : ModelFormat.Lethe);
    }

    /// <summary>"PyTorch state_dict (zip)", "TorchScript archive", ...: the file's kind in reports and notes.</summary>
    public static string Describe(ModelFormat format) => format switch
    {
        ModelFormat.Lethe => "Lethe checkpoint",
        ModelFormat.TorchSave => "PyTorch state_dict (zip)",
        ModelFormat.TorchSaveLegacy => "PyTorch state_dict (legacy, pre-1.6)",
        ModelFormat.TorchScript => "TorchScript archive (torch.jit.save)",
        ModelFormat.Safetensors => "safetensors",
        _ => format.ToString(),
    };

    /// <summary>The format the first bytes name, or null; rewinds the stream.</summary>
    internal static ModelFormat? ByContent(Stream stream)
    {
        Span<byte> head = stackalloc byte[2 + LegacyMagic.Length];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        head = head[..read];
        if (head.StartsWith(ZipSignature)) return TorchSaveArchive.IsTorchScript(stream) ? ModelFormat.TorchScript : ModelFormat.TorchSave;
        // A pickle PROTO opcode and its version byte come before the magic number.
        if (head.Length == 2 + LegacyMagic.Length && head[0] == 0x80 && head[2..].SequenceEqual(LegacyMagic)) return ModelFormat.TorchSaveLegacy;
        // safetensors: the header's length, which fits in the file, then the header's opening brace.
        if (head.Length > 8 && head[8] == (byte)'{' && BinaryPrimitives.ReadUInt64LittleEndian(head) <= (ulong)stream.Length - 8)
            return ModelFormat.Safetensors;
        return null;
    }
}
