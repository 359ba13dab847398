using System.Text;

namespace Lethe.Data.Files;

/// <summary>
/// The lines of a small annotation file, decoded as strict UTF-8 one line at a time: a lenient decoder would turn a
/// damaged byte into U+FFFD and a file name that silently matches no image, so a bad byte is an error on its line.
/// </summary>
public static class TextLines
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Editors on Windows may start a UTF-8 file with it; it is not part of the first line.</summary>
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Every line without its line break; element i is line i + 1. A final line break adds no empty line.</summary>
    /// <exception cref="DataFileException">The file is missing, unreadable, empty, blank, or not UTF-8.</exception>
    public static IReadOnlyList<string> Read(string path)
    {
        var bytes = ReadBytes(path);
        var lines = new List<string>();
        int start = bytes.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        while (start < bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0) end = bytes.Length;
            lines.Add(Decode(path, bytes.AsSpan(start, end - start), lines.Count + 1));
            start = end + 1;
        }
        if (lines.All(string.IsNullOrWhiteSpace)) throw new DataFileException(path, null, "file is empty");
        return lines;
    }

    /// <summary>The whitespace-separated fields of a line (any run of spaces or tabs is one separator).</summary>
    public static string[] Fields(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static byte[] ReadBytes(string path)
    {
        if (!File.Exists(path)) throw new DataFileException(path, null, "file not found");
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException(path, null, $"cannot read file: {e.Message}", e);
        }
    }

    private static string Decode(string path, ReadOnlySpan<byte> line, int number)
    {
        if (line.EndsWith("\r"u8)) line = line[..^1];
        try { return Strict.GetString(line); }
        catch (DecoderFallbackException e)
        {
            var bad = e.BytesUnknown is { Length: > 0 } unknown ? $" (byte 0x{unknown[0]:X2})" : "";
            throw new DataFileException(path, number, $"not UTF-8 text{bad}; save the file as UTF-8", e);
        }
    }
}
