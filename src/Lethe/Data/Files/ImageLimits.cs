namespace Lethe.Data.Files;

/// <summary>
/// What an image file may claim before Lethe refuses it, each checked before the memory it would need is allocated, so
/// that one odd file in a dataset is one error line, not an out-of-memory crash of a run that decodes on every core.
/// </summary>
public static class ImageLimits
{
    /// <summary>
    /// Pixels an image may have: 89,478,485, Pillow's <c>Image.MAX_IMAGE_PIXELS</c>, above which the reference's
    /// Pillow warns of a decompression bomb. A header can claim 60,000 × 60,000 pixels (14.4 GB decoded) in a file of a
    /// few hundred bytes; the datasets' photos have 16,384 (MUFAC, 128²) and 1,048,576 (CelebA-HQ, 1024²). At the limit
    /// one decode holds about 630 MB (RGBA, then RGB).
    /// </summary>
    public const long MaxPixels = 89_478_485;

    /// <summary>
    /// How many times longer than its shorter side an image's longer side may be: 64. Images are resized so their
    /// shorter side is the run's image size (at most 1,024), so a 1 × 100,000 strip would become 1,024 × 102,400,000
    /// pixels; at 64:1 the largest resized image is 1,024 × 65,536 (67 M pixels). Photos, even panoramas, stay far below.
    /// </summary>
    public const int MaxAspectRatio = 64;

    /// <summary>
    /// Bytes an image file may have: 256 MiB, what an uncompressed 24-bit image at <see cref="MaxPixels"/> takes.
    /// Checked before reading, so that a misplaced video or archive under an image's name is refused, not read whole.
    /// </summary>
    public const long MaxFileBytes = 256L << 20;
}
