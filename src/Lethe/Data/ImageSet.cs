using System.Security.Cryptography;
using System.Text;
using TorchSharp;
using static TorchSharp.torch;
using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// Decoded images and their samples, side by side. Pixels are uint8 [N, 3, H, W] on the CPU: a quarter of the memory of
/// floats, and the batcher converts only the 64 images it needs.
/// </summary>
public sealed class ImageSet : IDisposable
{
    public ImageSet(IReadOnlyList<Sample> samples, Tensor pixels)
    {
        if (pixels.dtype != ScalarType.Byte || pixels.dim() != 4 || pixels.shape[1] != 3)
            throw new ArgumentException($"pixels must be uint8 [N,3,H,W], got {pixels.dtype} [{string.Join(",", pixels.shape)}]");
        if (pixels.shape[0] != samples.Count)
            throw new ArgumentException($"{samples.Count} samples but {pixels.shape[0]} images");
        Samples = samples;
        Pixels = pixels;
    }

    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>uint8 [N, 3, H, W], CPU.</summary>
    public Tensor Pixels { get; }

    public int Count => Samples.Count;

    public int Height => (int)Pixels.shape[2];

    public int Width => (int)Pixels.shape[3];

    /// <summary>
    /// The rows at <paramref name="indices"/>, in that order. A run of consecutive rows (MUFAC's default forget and
    /// retain sets) is a view that shares this set's pixels, anything else a copy; either way the result owns its
    /// handle, and disposing one set leaves the other valid.
    /// </summary>
    public ImageSet Subset(IReadOnlyList<int> indices)
    {
        var samples = indices.Select(i => Samples[i]).ToArray();
        if (indices.Count > 0 && indices.Select((row, i) => row - i).All(offset => offset == indices[0]))
            return new ImageSet(samples, Pixels.narrow(0, indices[0], indices.Count));
        using var index = tensor(indices.Select(i => (long)i).ToArray(), ScalarType.Int64);
        return new ImageSet(samples, Pixels.index_select(0, index));
    }

    /// <summary>
    /// SHA-256 of every sample (name, identity, labels, in order) and every pixel: what a model trained on this set
    /// sees. A base model's cache key uses it instead of the whole benchmark's fingerprint, so that Original, whose
    /// training set does not change with the forget choice, is not retrained when only <c>--forget</c> changes.
    /// </summary>
    public string ContentHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in Samples)
            hash.AppendData(Encoding.UTF8.GetBytes($"{s.Name},{s.Identity},{string.Join(" ", s.Labels)}\n"));
        PixelHash.Append(hash, Pixels);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The distinct identities, in order of first appearance.</summary>
    public IReadOnlyList<string> Identities() => Samples.Select(s => s.Identity).Distinct().ToArray();

    public void Dispose() => Pixels.Dispose();
}
