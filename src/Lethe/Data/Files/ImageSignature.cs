using System.Buffers.Binary;
using System.Text;

namespace Lethe.Data.Files;

/// <summary>
/// What a file that SkiaSharp cannot open holds, told from its first bytes, so that the error says "a HEIC image" or "a
/// Git LFS pointer" rather than "unknown format": each calls for another fix (convert the photos; fetch the images).
/// </summary>
internal static class ImageSignature
{
    /// <summary>Formats that are images but that SkiaSharp does not decode; Pillow, the reference's reader, opens some.</summary>
    private static readonly (string What, byte[] Start)[] Undecodable =
    [
        ("a TIFF image", "II*\0"u8.ToArray()),
        ("a TIFF image", "MM\0*"u8.ToArray()),
        ("a JPEG 2000 image", [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]),
        ("a JPEG 2000 image", [0xFF, 0x4F, 0xFF, 0x51]),
        ("a JPEG XL image", [0xFF, 0x0A]),
        ("a JPEG XL image", [0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]),
        ("a Photoshop image", "8BPS"u8.ToArray()),
        ("a PDF document", "%PDF"u8.ToArray()),
    ];

    /// <summary>"a HEIC image", "a Git LFS pointer", "an HTML page", "a text file"; null when the bytes say nothing known.</summary>
    public static string? Describe(ReadOnlySpan<byte> bytes)
    {
        if (IsoBrand(bytes) is { } brand) return brand;
        foreach (var (what, start) in Undecodable)
            if (bytes.StartsWith(start)) return what;
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.StartsWith("version https://git-lfs", StringComparison.Ordinal)) return "a Git LFS pointer";
        if (head.StartsWith('<'))
            return head.Contains("<svg", StringComparison.OrdinalIgnoreCase) ? "an SVG drawing"
                : head.Contains("<html", StringComparison.OrdinalIgnoreCase) ? "an HTML page" : "an XML or HTML text";
        return IsText(bytes[..Math.Min(bytes.Length, 512)]) ? "a text file" : null;
    }

    /// <summary>The refusal of a file <see cref="Describe"/> named, with what to do about it.</summary>
    public static string Refusal(string what) => what switch
    {
        "a Git LFS pointer" => "a Git LFS pointer, not the image: fetch the images (git lfs pull)",
        "an HTML page" or "an XML or HTML text" or "a text file" => $"{what}, not an image (a failed download?)",
        "a PDF document" => "a PDF document, not an image",
        _ => $"{what}, which Lethe cannot decode: convert it to JPEG or PNG (Lethe reads JPEG, PNG, WebP, GIF and BMP)",
    };

    /// <summary>"JPEG", "PNG", … when the bytes start as a format SkiaSharp decodes, so that a file it still cannot open is
    /// called a truncated or damaged one of those; else null.</summary>
    public static string? Decodable(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "JPEG"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "PNG"
        : bytes.StartsWith("GIF8"u8) ? "GIF"
        : bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "WebP"
        : bytes.StartsWith("BM"u8) && bytes.Length >= 14 && !IsText(bytes[..Math.Min(bytes.Length, 64)]) ? "BMP"
        : null;

    /// <summary>Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), or null when the bytes are no PNG header.</summary>
    public static (long Width, long Height)? PngSize(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 24 && Decodable(bytes) == "PNG" && bytes[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]))
            : null;

    /// <summary>HEIC, HEIF or AVIF: an ISO base-media file whose 'ftyp' box names the brand at bytes 8–11.</summary>
    private static string? IsoBrand(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[4..8].SequenceEqual("ftyp"u8)) return null;
        return Encoding.ASCII.GetString(bytes[8..12]) switch
        {
            "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx" => "a HEIC image",
            "mif1" or "msf1" => "a HEIF image",
            "avif" or "avis" => "an AVIF image",
            _ => null,
        };
    }

    /// <summary>No control bytes but tabs and line ends: text (UTF-8 included), where every binary format has some.</summary>
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n') return false;
        return head.Length > 0;
    }
}
