using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Lethe.Data.Files;

/// <summary>
/// The <see cref="BenchmarkData.Fingerprint"/> of every file dataset: SHA-256 over a header (the dataset and the options
/// that cut it), the decoded pixels, and every sample of every set in order (name, identity, labels). It stands for
/// what the models see, not for the files' metadata: a copy of the dataset made without its modification times (a
/// plain <c>cp</c>, a re-extracted archive, each node's own copy on a cluster) keeps its plans, while the decoded-image
/// cache key (<see cref="ImageStack.CacheKey"/>) may miss and decode again. Hashing MUFAC at 64 px (160 MB) takes about
/// a tenth of a second, MUCAC at 128 px (1.5 GB) about a second.
/// </summary>
public static class FileDatasetFingerprint
{
    /// <summary>64 lower-case hex digits; equal inputs in the same order give the same value.</summary>
    /// <param name="header">The dataset and the options that cut it.</param>
    /// <param name="pixels">Every decoded tensor the sets are rows of (uint8, CPU), each hashed once.</param>
    /// <param name="sets">The sets, in a fixed order.</param>
    public static string Of(string header, IReadOnlyList<Tensor> pixels, params IReadOnlyList<ImageSet> sets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string line) => hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        Add(header);
        foreach (var tensor in pixels)
        {
            Add($"[pixels {string.Join(",", tensor.shape)}]");
            PixelHash.Append(hash, tensor);
        }
        for (int i = 0; i < sets.Count; i++)
        {
            Add($"[set {i}]");
            foreach (var s in sets[i].Samples) Add($"{s.Name},{s.Identity},{string.Join(" ", s.Labels)}");
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
