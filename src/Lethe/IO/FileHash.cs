using System.Security.Cryptography;

namespace Lethe.IO;

/// <summary>
/// The SHA-256 of a stored file, recorded in the record written last (a cache entry's record, a cell's done.json) and
/// compared when the file is read back, so that a file changed after it was written (a few bytes inside a tensor, its
/// length the same) is noticed rather than trusted. SHA-256 rather than the faster XxHash128: on the 2-core machine Lethe
/// is timed on (SHA-NI), a ResNet-18 checkpoint (45 MB, in memory) hashes in 47–90 ms against XxHash128's 6–50 ms, a
/// cost no run notices beside loading the same file, and one hash serves both here and where a file's identity matters
/// (a given Original's SHA-256 in its cell id).
/// </summary>
public static class FileHash
{
    /// <summary>The file's SHA-256 as 64 lower-case hex digits.</summary>
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Why <paramref name="path"/> is not the file that was recorded with <paramref name="sha256"/>, or null when it is:
    /// "missing" or "changed after it was written (SHA-256 1a2b3c4d…, recorded 5e6f7a8b…)".
    /// </summary>
    public static string? Mismatch(string path, string sha256) => File.Exists(path) ? Differ(Sha256(path), sha256) : "missing";

    /// <summary>As <see cref="Mismatch"/>, for a hash already computed.</summary>
    public static string? Differ(string actual, string recorded) =>
        string.Equals(actual, recorded, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"changed after it was written (SHA-256 {actual[..Math.Min(8, actual.Length)]}…, recorded {recorded[..Math.Min(8, recorded.Length)]}…)";
}
