using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace Lethe.Tests.Support;

/// <summary>
/// Image files of the kinds a dataset folder can hold besides plain RGB JPEGs, built byte by byte, so that tests need
/// no image tools: PNGs of every colour type and depth, a CMYK JPEG, EXIF orientation, headers that claim any size, and
/// the first bytes of formats SkiaSharp does not decode.
/// </summary>
public static class OddImages
{
    /// <summary>PNG colour types (the IHDR byte).</summary>
    public enum PngColor : byte
    {
        Grey = 0,
        Rgb = 2,
        Palette = 3,
        Rgba = 6,
    }

    /// <summary>
    /// A PNG of <paramref name="width"/> × <paramref name="height"/> whose every sample (channel byte, big-endian for
    /// 16 bits) is <paramref name="sample"/>(channel byte index within the pixel); <paramref name="palette"/> is PLTE.
    /// </summary>
    public static byte[] Png(int width, int height, PngColor color, int depth, Func<int, byte> sample, byte[]? palette = null)
    {
        int channels = color switch { PngColor.Grey or PngColor.Palette => 1, PngColor.Rgb => 3, _ => 4 };
        int bytesPerPixel = channels * depth / 8;
        var raw = new List<byte>();
        for (int y = 0; y < height; y++)
        {
            raw.Add(0); // filter: none
            for (int x = 0; x < width * bytesPerPixel; x++) raw.Add(sample(x % bytesPerPixel));
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal)) zlib.Write(raw.ToArray());
        return PngFile(width, height, (byte)color, (byte)depth, compressed.ToArray(), palette);
    }

    /// <summary>A PNG whose header gives <paramref name="width"/> × <paramref name="height"/> but whose data holds one empty row.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal)) zlib.Write(new byte[4]);
        return PngFile(width, height, (byte)PngColor.Rgb, 8, compressed.ToArray(), null);
    }

    /// <summary>
    /// An 8 × 8 baseline JPEG in Adobe CMYK (4 components, APP14 transform 0) with every sample at 128: one DC-only block
    /// per component, coded with one-symbol Huffman tables. SkiaSharp cannot write CMYK, and printers' workflows can.
    /// </summary>
    public static byte[] CmykJpeg()
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        jpeg.AddRange([0xFF, 0xEE, 0x00, 0x0E, .. "Adobe"u8, 0x00, 0x64, 0, 0, 0, 0, 0]);
        jpeg.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64)]);
        jpeg.AddRange([0xFF, 0xC0, 0x00, 0x14, 8, 0, 8, 0, 8, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
        byte[] oneCode = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00];
        jpeg.AddRange([0xFF, 0xC4, 0x00, 0x26, 0x00, .. oneCode, 0x10, .. oneCode]);
        jpeg.AddRange([0xFF, 0xDA, 0x00, 0x0E, 4, 1, 0x00, 2, 0x00, 3, 0x00, 4, 0x00, 0, 63, 0]);
        jpeg.AddRange([0x00, 0xFF, 0xD9]); // four blocks of DC 0 and end-of-block: eight zero bits
        return jpeg.ToArray();
    }

    /// <summary><paramref name="jpeg"/> with an EXIF APP1 segment that gives orientation <paramref name="orientation"/> (6 = rotate 90° to view).</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [(byte)'I', (byte)'I', 0x2A, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0];
        int length = 2 + 6 + tiff.Length;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8, .. tiff, .. jpeg[2..]];
    }

    /// <summary><paramref name="jpeg"/> with the size in its frame header (SOF) replaced: the data no longer fits it.</summary>
    public static byte[] WithJpegSize(byte[] jpeg, int width, int height)
    {
        var patched = (byte[])jpeg.Clone();
        for (int i = 2; i < patched.Length - 9; i++)
            if (patched[i] == 0xFF && patched[i + 1] is 0xC0 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(patched.AsSpan(i + 7), (ushort)width);
                return patched;
            }
        throw new ArgumentException("no SOF0/SOF2 marker in the JPEG");
    }

    /// <summary>A JPEG of one colour (SkiaSharp's encoder).</summary>
    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A lossless WebP of one colour (SkiaSharp's encoder at quality 100).</summary>
    public static byte[] Webp(int width, int height) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A 1 × 1 GIF whose one pixel is palette entry 0, (200, 100, 50); no transparency.</summary>
    public static byte[] Gif { get; } =
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 200, 100, 50, 0, 0, 0, // screen 1 × 1, a global palette of two colours
        0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, // the image: 1 × 1 at (0, 0)
        2, 2, 0x44, 0x01, 0, // LZW, 2-bit codes: clear, index 0, end
        0x3B,
    ];

    /// <summary>A 1 × 1 24-bit BMP of one pixel (blue, green, red as stored).</summary>
    public static byte[] Bmp(byte red, byte green, byte blue) =>
        [0x42, 0x4D, 58, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 24, 0,
         0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, blue, green, red, 0];

    /// <summary>The start of an ISO base-media image (HEIC from an iPhone: brand "heic"; AVIF: "avif") and some bytes.</summary>
    public static byte[] IsoMedia(string brand) =>
        [0, 0, 0, 0x18, .. "ftyp"u8, .. System.Text.Encoding.ASCII.GetBytes(brand), 0, 0, 0, 0, .. "mif1"u8, .. "miaf"u8, .. new byte[64]];

    /// <summary>The start of a little-endian TIFF and some bytes.</summary>
    public static byte[] Tiff { get; } = [(byte)'I', (byte)'I', 0x2A, 0, 8, 0, 0, 0, .. new byte[64]];

    /// <summary>What a clone without `git lfs pull` holds where an image should be.</summary>
    public const string LfsPointer = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 4406\n";

    /// <summary>Makes <paramref name="path"/> a named pipe (FIFO): opening it for reading would wait for a writer forever.</summary>
    public static void MakeFifo(string path)
    {
        if (mkfifo(path, Convert.ToUInt32("644", 8)) != 0) throw new IOException($"mkfifo {path} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(200, 100, 50));
        using var data = bitmap.Encode(format, 100);
        return data.ToArray();
    }

    private static byte[] PngFile(int width, int height, byte color, byte depth, byte[] idat, byte[]? palette)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (depth, color);
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        png.AddRange(Chunk("IHDR", header));
        if (palette is not null) png.AddRange(Chunk("PLTE", palette));
        png.AddRange(Chunk("IDAT", idat));
        png.AddRange(Chunk("IEND", []));
        return png.ToArray();
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[8 + data.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32(typed));
        return chunk;
    }
}
