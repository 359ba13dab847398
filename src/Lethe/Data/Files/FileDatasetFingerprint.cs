using System.Security.Cryptography;
using System.Text;

namespace Lethe.Data.Files;

/// <summary>
/// The <see cref="BenchmarkData.Fingerprint"/> of every file dataset: SHA-256 over a header (the dataset and the options
/// that cut it), the <see cref="ImageStack.CacheKey"/> of each pixel tensor, and every sample of every set in order
/// (name, identity, labels). The keys already stand for the pixels (each image file's name, size and modification
/// time, the side and <see cref="ImageStack.PixelVersion"/>), and the samples say which rows each set kept, so the
/// pixels themselves (1.5 GB for MUCAC at 128 px) are not hashed again.
/// </summary>
public static class FileDatasetFingerprint
{
    /// <summary>64 lower-case hex digits; equal inputs in the same order give the same value.</summary>
    public static string Of(string header, IReadOnlyList<string> pixelKeys, params IReadOnlyList<ImageSet> sets)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string line) => hash.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
        Add(header);
        foreach (var key in pixelKeys) Add(key);
        for (int i = 0; i < sets.Count; i++)
        {
            Add($"[set {i}]");
            foreach (var s in sets[i].Samples) Add($"{s.Name},{s.Identity},{string.Join(" ", s.Labels)}");
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
