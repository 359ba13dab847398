using SkiaSharp;

namespace Lethe.Data.Files;

/// <summary>
/// Reads and decodes one image file to RGB bytes with SkiaSharp. Whatever the file holds, a failure is a
/// <see cref="DataFileException"/> naming the file with one line of why, because one broken download must not surface
/// as a native crash, an out-of-memory or a stack trace, and a run with --skip-bad must be able to leave it out.
/// </summary>
/// <remarks>
/// What is read, and what is refused:
/// <list type="bullet">
/// <item>The format is told by the bytes, not the name, as Pillow (the reference's reader) does: a PNG named .jpg is
/// read. SkiaSharp reads JPEG, PNG, WebP, GIF (the first frame) and BMP; HEIC, HEIF, AVIF, TIFF, JPEG 2000 and JPEG XL
/// are refused by name.</item>
/// <item>Sizes are checked from the header, before any pixel is allocated (<see cref="ImageLimits"/>).</item>
/// <item>Grey, CMYK, palette, 16-bit and alpha images become 8-bit RGB; alpha is dropped without compositing, as
/// Pillow's <c>convert("RGB")</c> does. Colour profiles are ignored, as Pillow ignores them. One difference: a GIF's
/// transparent pixels come out black, where Pillow gives their palette colour.</item>
/// <item>EXIF orientation is not applied: pixels are used as stored, as the reference's <c>Image.open</c> uses them (it
/// never calls <c>ImageOps.exif_transpose</c>).</item>
/// <item>A decode that stops early (IncompleteInput: the file ends inside the pixel data) or at an error is refused,
/// though SkiaSharp returns the rows it got: an image with a grey or black band is not the photo.</item>
/// </list>
/// </remarks>
public static class ImageFile
{
    /// <summary>The image at <paramref name="path"/> as height × width × 3 RGB bytes.</summary>
    public static RgbImage Decode(string path) => Decode(Read(path), path);

    /// <summary>
    /// The bytes of the image file at <paramref name="path"/>, following symbolic links. Refused, each in one line: a
    /// missing file, a folder, a link that loops or leads nowhere, an empty file (FIFOs and devices report no length,
    /// so they are refused here too, never opened and waited on), a file over <see cref="ImageLimits.MaxFileBytes"/>,
    /// and a file that cannot be read (permissions, I/O errors).
    /// </summary>
    public static byte[] Read(string path)
    {
        var file = Resolve(path);
        if (file.Length == 0) throw new DataFileException(path, null, "image file is empty");
        if (file.Length > ImageLimits.MaxFileBytes)
            throw new DataFileException(path, null, $"image file is {file.Length:N0} bytes, over the {ImageLimits.MaxFileBytes >> 20} MiB an image may have");
        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var bytes = new byte[file.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (UnauthorizedAccessException)
        {
            throw new DataFileException(path, null, "cannot read image: permission denied");
        }
        catch (IOException e)
        {
            throw new DataFileException(path, null, $"cannot read image: {e.Message}", e);
        }
    }

    /// <summary>Decodes encoded bytes; <paramref name="name"/> is used in errors.</summary>
    public static RgbImage Decode(byte[] encoded, string name)
    {
        if (encoded.Length == 0) throw new DataFileException(name, null, "image file is empty");
        using var stream = new MemoryStream(encoded, writable: false);
        using var codec = SKCodec.Create(stream, out var opened) ?? throw new DataFileException(name, null, Unopened(encoded, opened));
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var format = FormatName(codec.EncodedFormat);
        if (SizeProblem(width, height, format) is { } problem) throw new DataFileException(name, null, problem);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize64];
        var result = codec.GetPixels(info, rgba);
        // Skia fills the rows it could not decode and reports IncompleteInput (the file ends early) or ErrorInInput.
        if (result != SKCodecResult.Success) throw new DataFileException(name, null, result switch
        {
            SKCodecResult.IncompleteInput => $"image is truncated (incomplete {format} data)",
            SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput => $"{format} data is damaged (the decoder stopped at an error)",
            _ => $"image cannot be decoded ({result})",
        });
        return new RgbImage(width, height, DropAlpha(rgba, width * height));
    }

    /// <summary>The file a path names after every symbolic link; folders and broken links are refused.</summary>
    private static FileInfo Resolve(string path)
    {
        if (Directory.Exists(path)) throw new DataFileException(path, null, "is a folder, not an image file");
        var file = new FileInfo(path);
        if (file.LinkTarget is null)
            return file.Exists ? file : throw new DataFileException(path, null, "image file not found");
        FileSystemInfo? target;
        try { target = File.ResolveLinkTarget(path, returnFinalTarget: true); }
        catch (IOException) { throw new DataFileException(path, null, $"is a symbolic link that never reaches a file (it loops: {file.LinkTarget})"); }
        return target is FileInfo { Exists: true } found
            ? found
            : throw new DataFileException(path, null, $"is a symbolic link to {target?.FullName ?? file.LinkTarget}, which does not exist");
    }

    /// <summary>Why SkiaSharp found no decoder: a known format cut short or damaged, or what the file holds instead.</summary>
    private static string Unopened(byte[] encoded, SKCodecResult result)
    {
        // Skia calls a PNG of width or height 0 incomplete; its header says otherwise.
        if (ImageSignature.PngSize(encoded) is { } png && (png.Width == 0 || png.Height == 0))
            return $"image has no pixels ({png.Width}×{png.Height})";
        if (ImageSignature.Decodable(encoded) is { } format)
            return result == SKCodecResult.IncompleteInput
                ? $"{format} is truncated (its header is incomplete)"
                : $"{format} header is damaged or gives no size";
        return ImageSignature.Describe(encoded) is { } what ? ImageSignature.Refusal(what) : "not a readable image (unknown or damaged format)";
    }

    /// <summary>Null when the header's size can be decoded within <see cref="ImageLimits"/>; else why not.</summary>
    private static string? SizeProblem(int width, int height, string format)
    {
        if (width < 1 || height < 1) return $"image has no pixels ({width}×{height})";
        if ((long)width * height > ImageLimits.MaxPixels)
            return $"the {format} header gives {width:N0}×{height:N0} pixels, over the limit of {ImageLimits.MaxPixels:N0} (Pillow's decompression-bomb limit); not decoded";
        if (Math.Max(width, height) > (long)ImageLimits.MaxAspectRatio * Math.Min(width, height))
            return $"image is {width:N0}×{height:N0}, one side more than {ImageLimits.MaxAspectRatio} times the other; resized to the run's size it would not fit in memory";
        return null;
    }

    private static string FormatName(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "JPEG",
        SKEncodedImageFormat.Png => "PNG",
        SKEncodedImageFormat.Webp => "WebP",
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Bmp => "BMP",
        _ => format.ToString().ToUpperInvariant(),
    };

    private static byte[] DropAlpha(ReadOnlySpan<byte> rgba, int pixels)
    {
        var rgb = new byte[pixels * 3];
        for (int i = 0; i < pixels; i++)
        {
            rgb[3 * i] = rgba[4 * i];
            rgb[3 * i + 1] = rgba[4 * i + 1];
            rgb[3 * i + 2] = rgba[4 * i + 2];
        }
        return rgb;
    }
}

/// <summary>Decoded pixels, row-major height × width × 3 (RGB), as PIL's `np.asarray(image.convert("RGB"))`.</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels);
