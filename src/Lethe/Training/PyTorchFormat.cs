namespace Lethe.Training;

/// <summary>Which of PyTorch's two torch.save layouts a file has, told by its first bytes.</summary>
internal enum PyTorchLayout
{
    /// <summary>Not a torch.save file (a TorchSharp checkpoint, say).</summary>
    None,

    /// <summary>A zip archive holding data.pkl and one entry per storage: the default since PyTorch 1.6.</summary>
    Zip,

    /// <summary>The pre-1.6 layout: consecutive pickles that start with PyTorch's magic number.</summary>
    Legacy,
}

internal static class PyTorchFormat
{
    private static readonly byte[] ZipSignature = [0x50, 0x4b, 0x03, 0x04];

    /// <summary>torch.serialization's MAGIC_NUMBER 0x1950a86a20f9469cfc6c as a pickle LONG1, little-endian.</summary>
    private static readonly byte[] LegacyMagic = [0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

    /// <summary>How to turn a legacy file into one we read; weights_only keeps Python from running code in it.</summary>
    public const string ResaveAdvice =
        "re-save it in Python with torch.save(torch.load(\"old.pth\", weights_only=True), \"new.pth\") " +
        "(zip is torch.save's default since PyTorch 1.6; older versions need _use_new_zipfile_serialization=True)";

    public static PyTorchLayout Detect(string path)
    {
        using var stream = File.OpenRead(path);
        return Detect(stream);
    }

    /// <summary>Reads the first bytes and rewinds the stream.</summary>
    public static PyTorchLayout Detect(Stream stream)
    {
        Span<byte> head = stackalloc byte[2 + LegacyMagic.Length];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        head = head[..read];
        if (head.StartsWith(ZipSignature)) return PyTorchLayout.Zip;
        // A pickle PROTO opcode and its version byte come before the magic number.
        if (head.Length == 2 + LegacyMagic.Length && head[0] == 0x80 && head[2..].SequenceEqual(LegacyMagic)) return PyTorchLayout.Legacy;
        return PyTorchLayout.None;
    }
}
