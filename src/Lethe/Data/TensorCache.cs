using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>
/// Decode or render once, reuse: uint8 tensors kept in memory and in files under <see cref="Directory"/>, keyed by a
/// caller-given content key (a hash of everything that determines the tensor). A file is written atomically and carries
/// its shape and a SHA-256 checksum; a file that is truncated or corrupt (a byte changed after it was written) is deleted,
/// never used, so the caller makes and stores the tensor again (<see cref="Rejections"/> says which). Temp files that a
/// killed writer left are removed when the cache is opened (<see cref="Leftovers"/>).
/// The cache owns the tensors it returns: callers must not dispose them.
/// </summary>
public sealed partial class TensorCache : IDisposable
{
    private static readonly byte[] Magic = "LETHETC1"u8.ToArray();
    private const int ChecksumLength = 32;

    /// <summary>Payload is streamed in slices of this many bytes, so tensors larger than one .NET array still fit.</summary>
    internal int ChunkBytes { get; init; } = 64 << 20;

    private readonly Dictionary<string, Tensor> memory = new();
    private readonly Lock gate = new();

    public TensorCache(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory)) throw new ArgumentException("cache directory must not be empty");
        Directory = Path.GetFullPath(directory);
        Leftovers = Lethe.IO.TempFiles.RemoveLeftovers(Directory);
    }

    /// <summary>What opening the cache removed (or left, its writer maybe alive) of killed writes, one line each.</summary>
    public IReadOnlyList<string> Leftovers { get; }

    /// <summary>Every file this cache found unusable and deleted, with why ("path: checksum mismatch"), in order.</summary>
    public IReadOnlyList<string> Rejections => rejections;

    private readonly List<string> rejections = [];

    public string Directory { get; }

    /// <summary>The file that holds <paramref name="key"/>.</summary>
    public string PathOf(string key)
    {
        if (string.IsNullOrEmpty(key)) throw new ArgumentException("cache key must not be empty");
        // Keys that are not plain file names are hashed, so no key can escape the directory.
        var name = SafeName().IsMatch(key) ? key : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(Directory, name + ".tensor");
    }

    /// <summary>The tensor stored under <paramref name="key"/>, from memory or its file; null when neither holds it.</summary>
    public Tensor? TryGet(string key)
    {
        lock (gate)
        {
            if (memory.TryGetValue(key, out var held)) return held;
            if (TryRead(PathOf(key)) is not { } read) return null;
            memory[key] = read;
            return read;
        }
    }

    /// <summary>
    /// Keeps <paramref name="tensor"/> (uint8, any device or layout) under <paramref name="key"/>, in memory and in its
    /// file, and returns the cache's own handle. A contiguous CPU tensor is not copied: the cache's handle shares its
    /// storage, and the caller still owns (and disposes) the handle it passed. A key already held is not stored again.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="tensor"/> is not uint8.</exception>
    public Tensor Store(string key, Tensor tensor)
    {
        if (tensor.dtype != ScalarType.Byte)
            throw new ArgumentException($"TensorCache stores uint8 tensors, but {Path.GetFileName(PathOf(key))} was given {tensor.dtype}");
        lock (gate)
        {
            if (memory.TryGetValue(key, out var held)) return held;
            using var scope = NewDisposeScope();
            var kept = tensor.cpu().contiguous();
            kept = (ReferenceEquals(kept, tensor) ? tensor.alias() : kept).DetachFromDisposeScope();
            try { Write(PathOf(key), kept); }
            catch
            {
                kept.Dispose();
                throw;
            }
            memory[key] = kept;
            return kept;
        }
    }

    /// <summary>What happened to the last file that could not be used (for diagnostics), or null.</summary>
    public string? LastRejection { get; private set; }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var tensor in memory.Values) tensor.Dispose();
            memory.Clear();
        }
    }

    private void Write(string path, Tensor tensor)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Lethe.IO.TempFiles.For(path);
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                WriteAndHash(file, hash, Header(tensor.shape));
                ForEachChunk(tensor, chunk => WriteAndHash(file, hash, chunk));
                file.Write(hash.GetHashAndReset());
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private Tensor? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        Tensor? tensor = null;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var shape = ReadHeader(file, hash);
            var payload = shape.Aggregate(1L, (a, b) => a * b);
            var expectedLength = HeaderLength(shape.Length) + payload + ChecksumLength;
            if (file.Length != expectedLength) return Reject(path, $"length {file.Length}, expected {expectedLength}");
            tensor = empty(shape, ScalarType.Byte).DetachFromDisposeScope();
            ForEachChunk(tensor, chunk =>
            {
                file.ReadExactly(chunk);
                hash.AppendData(chunk);
            });
            var stored = new byte[ChecksumLength];
            file.ReadExactly(stored);
            if (!stored.AsSpan().SequenceEqual(hash.GetHashAndReset())) return Reject(path, "checksum mismatch");
            var result = tensor;
            tensor = null;
            return result;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            return Reject(path, e.Message);
        }
        finally
        {
            tensor?.Dispose();
        }
    }

    private Tensor? Reject(string path, string reason)
    {
        LastRejection = $"{path}: {reason}";
        rejections.Add(LastRejection);
        File.Delete(path);
        return null;
    }

    private static byte[] Header(long[] shape)
    {
        var header = new byte[HeaderLength(shape.Length)];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length), shape.Length);
        for (var d = 0; d < shape.Length; d++)
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(Magic.Length + 4 + 8 * d), shape[d]);
        return header;
    }

    private static long[] ReadHeader(Stream file, IncrementalHash hash)
    {
        var fixedPart = new byte[Magic.Length + 4];
        file.ReadExactly(fixedPart);
        if (!fixedPart.AsSpan(0, Magic.Length).SequenceEqual(Magic)) throw new InvalidDataException("not a Lethe tensor cache file");
        var rank = BinaryPrimitives.ReadInt32LittleEndian(fixedPart.AsSpan(Magic.Length));
        if (rank is < 0 or > 8) throw new InvalidDataException($"rank {rank} out of range");
        var dims = new byte[8 * rank];
        file.ReadExactly(dims);
        hash.AppendData(fixedPart);
        hash.AppendData(dims);
        var shape = new long[rank];
        for (var d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt64LittleEndian(dims.AsSpan(8 * d));
            if (shape[d] < 0 || shape[d] > file.Length) throw new InvalidDataException($"dimension {shape[d]} out of range");
        }
        return shape;
    }

    private static int HeaderLength(int rank) => Magic.Length + 4 + 8 * rank;

    private static void WriteAndHash(Stream file, IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        file.Write(bytes);
        hash.AppendData(bytes);
    }

    private delegate void ChunkAction(Span<byte> chunk);

    /// <summary>Visits the bytes of a contiguous CPU tensor as consecutive slices, each within one Span's reach.</summary>
    private void ForEachChunk(Tensor tensor, ChunkAction action)
    {
        using var flat = tensor.view(-1);
        for (long offset = 0; offset < flat.shape[0]; offset += ChunkBytes)
        {
            using var slice = flat.narrow(0, offset, Math.Min(ChunkBytes, flat.shape[0] - offset));
            action(slice.bytes);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$")]
    private static partial Regex SafeName();
}
