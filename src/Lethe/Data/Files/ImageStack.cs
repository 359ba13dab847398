using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Lethe.Data.Files;

/// <summary>
/// The one image pipeline of every file dataset (MUFAC, MUCAC): each file decoded (<see cref="ImageFile"/>), resized as
/// the reference's <c>test_transform</c> (<see cref="ImageResize"/>: shorter side to S with Pillow's antialiased
/// bilinear filter, centre crop), the whole dataset stacked into one uint8 [N, 3, S, S] tensor, and kept in a
/// <see cref="TensorCache"/> under <see cref="CacheKey"/>. Decoding once is the same arithmetic as resizing every
/// batch: the resize is deterministic and gives whole levels, as Pillow does.
/// </summary>
public static class ImageStack
{
    /// <summary>
    /// Raised whenever decoding or resizing changes, so that tensors cached by an older version miss. 2: MUFAC moved
    /// from torch's interpolate to the Pillow port (at 64 px 16% of its values moved by one level).
    /// </summary>
    public const int PixelVersion = 2;

    /// <summary>
    /// Images are decoded in blocks of this many: enough work per block that a straggler costs little, and only one
    /// block of managed buffers is alive beside the tensor (512 images at 128 px are 25 MB), whatever the dataset size.
    /// </summary>
    private const int BlockSize = 512;

    /// <summary>
    /// The images of <paramref name="files"/> from <paramref name="cache"/> when it holds <paramref name="key"/>
    /// (from <see cref="CacheKey"/>); else decoded by <see cref="Decode(string, IReadOnlyList{string}, int, IProgress{DecodeProgress}?, int)"/>
    /// and, when every image decoded, stored there. A set with bad images is never cached, so that the next run sees
    /// (and reports) them again. The result shares storage with the cache's copy: nothing is held twice.
    /// </summary>
    public static DecodedImages Load(TensorCache cache, string key, string root, IReadOnlyList<string> files, int size,
        IProgress<DecodeProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (cache.TryGet(key) is { } cached) return new DecodedImages(cached.alias(), []);
        var decoded = Decode(root, files, size, progress);
        if (decoded.Failures.Count == 0) cache.Store(key, decoded.Pixels);
        return decoded;
    }

    /// <summary>
    /// The images at <paramref name="root"/>/<paramref name="files"/> as uint8 [N, 3, size, size], in the order of
    /// <paramref name="files"/> whatever the thread count, with every image that is missing or cannot be decoded
    /// listed in file order. <paramref name="threads"/> 0 means one per core.
    /// </summary>
    public static DecodedImages Decode(string root, IReadOnlyList<string> files, int size, IProgress<DecodeProgress>? progress = null,
        int threads = 0) => Decode(root, files, size, progress, threads, BlockSize);

    /// <summary>As the public overload, in blocks of <paramref name="blockSize"/> images (tests use small blocks).</summary>
    internal static DecodedImages Decode(string root, IReadOnlyList<string> files, int size, IProgress<DecodeProgress>? progress,
        int threads, int blockSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        var pixels = zeros([files.Count, 3, size, size], ScalarType.Byte);
        var failures = new List<ImageFailure>();
        // Decoding and resizing are plain managed code, so they run on pool threads; the copies into the tensor stay
        // on this thread (TorchSharp calls on pool threads inside dispose scopes were seen to fail under load).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
        var block = new byte[]?[Math.Min(blockSize, files.Count)];
        for (int start = 0; start < files.Count; start += blockSize)
        {
            int count = Math.Min(blockSize, files.Count - start);
            DecodeBlock(root, files, start, count, size, block, failures, parallel);
            using var rows = pixels.narrow(0, start, count);
            var target = rows.bytes;
            for (int i = 0; i < count; i++) block[i]?.CopyTo(target[(i * 3 * size * size)..]);
            progress?.Report(new DecodeProgress(start + count, files.Count));
        }
        return new DecodedImages(pixels, failures);
    }

    /// <summary>
    /// The <see cref="TensorCache"/> key of <paramref name="files"/> at <paramref name="size"/>: it changes whenever a
    /// file is added, removed, renamed, reordered, rewritten (size or modification time), or the size or
    /// <see cref="PixelVersion"/> changes. Names are hashed relative to <paramref name="root"/>, so a moved dataset
    /// folder keeps its cache. Reading metadata only keeps the check to a fraction of a second for 30,000 files, where
    /// hashing their bytes would take longer than some runs.
    /// </summary>
    public static string CacheKey(string prefix, string root, IReadOnlyList<string> files, int size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"v{PixelVersion}/{size}/{files.Count}\n"));
        foreach (var file in files)
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}/{Stamp(new FileInfo(Path.Combine(root, file)))}\n"));
        return $"{prefix}-{size}px-{Convert.ToHexStringLower(hash.GetHashAndReset())}";
    }

    /// <summary>
    /// Size and modification time of the file a name leads to. A symbolic link's own stay the same when the file it
    /// points to is rewritten, so they would keep serving the old pixels from the cache; a plain file's stamp is what it
    /// always was, so existing cache entries stay valid.
    /// </summary>
    private static string Stamp(FileInfo info)
    {
        try
        {
            if (info.LinkTarget is not null) info = File.ResolveLinkTarget(info.FullName, returnFinalTarget: true) as FileInfo ?? info;
        }
        catch (IOException)
        {
            return "loop"; // a link that never reaches a file: the decode reports it
        }
        return info.Exists ? $"{info.Length}/{info.LastWriteTimeUtc.Ticks}" : "missing";
    }

    /// <summary>Fills block[0..count) with images start.. of the list (null where one failed) and adds failures in file order.</summary>
    private static void DecodeBlock(string root, IReadOnlyList<string> files, int start, int count, int size,
        byte[]?[] block, List<ImageFailure> failures, ParallelOptions parallel)
    {
        var errors = new DataFileException?[count];
        Parallel.For(0, count, parallel, i =>
        {
            block[i] = null;
            try { block[i] = ImageResize.ResizeToSquare(ImageFile.Decode(Path.Combine(root, files[start + i])), size); }
            catch (DataFileException e) { errors[i] = e; }
        });
        for (int i = 0; i < count; i++)
            if (errors[i] is { } problem) failures.Add(new ImageFailure(start + i, problem));
    }
}
