using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Lethe.Data.Files;

/// <summary>
/// A dataset's image files decoded and resized once into one uint8 [N, 3, S, S] tensor, and the cache key that says
/// when that tensor is stale.
/// </summary>
public static class ImageStack
{
    /// <summary>Raised whenever decoding or resizing changes, so that tensors cached by an older version miss.</summary>
    public const int PixelVersion = 1;

    /// <summary>
    /// Images are decoded in blocks of this many: enough work per block that a straggler costs little, and only one
    /// block of managed buffers is alive at a time (a block of 1024 px CelebA-HQ images at 128 px is 12 MB).
    /// </summary>
    private const int BlockSize = 256;

    /// <summary>
    /// The images at <paramref name="root"/>/<paramref name="files"/>, each through <see cref="ImageFile.Decode(string)"/>
    /// and <see cref="ImageResize.ResizeToSquare"/>, as uint8 [N, 3, size, size] in the order of <paramref name="files"/>
    /// whatever the thread count. <paramref name="threads"/> 0 means one per core.
    /// </summary>
    /// <exception cref="DataFileException">An image is missing or cannot be decoded (the first such file in order).</exception>
    public static Tensor Decode(string root, IReadOnlyList<string> files, int size, IProgress<DecodeProgress>? progress = null,
        int threads = 0) => Decode(root, files, size, progress, threads, BlockSize);

    /// <summary>As the public overload, in blocks of <paramref name="blockSize"/> images (tests use small blocks).</summary>
    internal static Tensor Decode(string root, IReadOnlyList<string> files, int size, IProgress<DecodeProgress>? progress,
        int threads, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        using var scope = NewDisposeScope();
        var pixels = empty([files.Count, 3, size, size], ScalarType.Byte);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        var block = new byte[Math.Min(blockSize, files.Count)][];
        for (int start = 0; start < files.Count; start += blockSize)
        {
            int count = Math.Min(blockSize, files.Count - start);
            DecodeBlock(root, files, start, count, size, block, parallel);
            using var rows = pixels.narrow(0, start, count);
            var target = rows.bytes;
            for (int i = 0; i < count; i++) block[i].CopyTo(target[(i * block[i].Length)..]);
            progress?.Report(new DecodeProgress(start + count, files.Count));
        }
        return pixels.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A key for <see cref="TensorCache"/> that changes whenever a file is added, removed, renamed, reordered, rewritten
    /// (size or modification time), or the target size or <see cref="PixelVersion"/> changes. Reading metadata only
    /// keeps the check to a fraction of a second for 30,000 files, where hashing their bytes would take longer than
    /// some runs.
    /// </summary>
    public static string CacheKey(string prefix, string root, IReadOnlyList<string> files, int size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"v{PixelVersion}/{size}/{files.Count}\n"));
        foreach (var file in files)
        {
            var info = new FileInfo(Path.Combine(root, file));
            var stamp = info.Exists ? $"{info.Length}/{info.LastWriteTimeUtc.Ticks}" : "missing";
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}/{stamp}\n"));
        }
        return $"{prefix}-{size}px-{Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }

    private static void DecodeBlock(string root, IReadOnlyList<string> files, int start, int count, int size,
        byte[][] block, ParallelOptions parallel)
    {
        var errors = new DataFileException?[count];
        Parallel.For(0, count, parallel, i =>
        {
            try { block[i] = ImageResize.ResizeToSquare(ImageFile.Decode(Path.Combine(root, files[start + i])), size); }
            catch (DataFileException e) { errors[i] = e; }
        });
        // Which file fails first depends on thread timing; report the first in file order so the message repeats.
        if (errors.FirstOrDefault(e => e is not null) is { } first) ExceptionDispatchInfo.Throw(first);
    }
}
