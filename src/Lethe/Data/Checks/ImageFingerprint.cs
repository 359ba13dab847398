using System.Security.Cryptography;
using Lethe.Data.Files;

namespace Lethe.Data.Checks;

/// <summary>What the duplicate search knows of one listed image: which set, where it is listed, whose, and its hashes.</summary>
public sealed record ImageFingerprint(string Set, string Where, string File, string Identity, string ContentHash, ulong Perceptual)
{
    /// <summary>Reads and decodes the file once for both hashes; a bad file throws <see cref="DataFileException"/>.</summary>
    public static ImageFingerprint Of(string set, string where, string file, string identity)
    {
        var bytes = ImageFile.Read(file);
        var image = ImageFile.Decode(bytes, file);
        return new ImageFingerprint(set, where, file, identity, Convert.ToHexStringLower(SHA256.HashData(bytes)), PerceptualHash.Of(image));
    }

    /// <summary>
    /// Fingerprints of many listed images, decoded in parallel, in order; an image that cannot be read goes to
    /// <paramref name="onProblem"/> with its position and is left out.
    /// </summary>
    public static IReadOnlyList<ImageFingerprint> OfAll(
        IReadOnlyList<(string Set, string Where, string File, string Identity)> listed, Action<int, DataFileException> onProblem)
    {
        var results = new ImageFingerprint?[listed.Count];
        Parallel.For(0, listed.Count, i =>
        {
            var (set, where, file, identity) = listed[i];
            try { results[i] = Of(set, where, file, identity); }
            catch (DataFileException e) { onProblem(i, e); }
        });
        return results.OfType<ImageFingerprint>().ToArray();
    }
}

/// <summary>Two listed images that are the same file content, or look alike to the perceptual hash (distance ≤ limit).</summary>
/// <param name="Kind">Exact (same bytes), a near copy the pixels confirm, or a hash match they do not (or not yet).</param>
/// <param name="Distance">Perceptual-hash bits that differ.</param>
/// <param name="PixelDifference">Mean absolute grey-level difference (<see cref="Checks.PixelDifference"/>) once compared; null for exact pairs.</param>
public sealed record DuplicatePair(ImageFingerprint First, ImageFingerprint Second, DuplicateKind Kind, int Distance, double? PixelDifference = null)
{
    /// <summary>"forget~retain": the sets in a fixed order, so counts group regardless of which came first.</summary>
    public string Sets => string.CompareOrdinal(First.Set, Second.Set) <= 0 ? $"{First.Set}~{Second.Set}" : $"{Second.Set}~{First.Set}";

    public bool SamePerson => First.Identity == Second.Identity;

    /// <summary>The same picture: exact, or a near copy the pixels confirm.</summary>
    public bool IsCopy => Kind is DuplicateKind.Exact or DuplicateKind.NearCopy;

    /// <summary>"exact copy", "near copy (pixels differ by 0.8 of 255)", or "unconfirmed near match (…)".</summary>
    public string Describe() => Kind switch
    {
        DuplicateKind.Exact => "exact copy",
        DuplicateKind.NearCopy => $"near copy ({Distance} bits, pixels differ by {PixelDifference:0.0} of 255)",
        DuplicateKind.Unconfirmed => $"unconfirmed near match ({Distance} bits, pixels differ by {PixelDifference:0.0} of 255)",
        _ => $"near match ({Distance} bits, pixels not yet compared)",
    };
}

public enum DuplicateKind
{
    /// <summary>Same file content.</summary>
    Exact,

    /// <summary>Within the hash distance; pixels not compared yet.</summary>
    Candidate,

    /// <summary>Within the hash distance and the pixels agree: a re-encoded or resized copy.</summary>
    NearCopy,

    /// <summary>Within the hash distance but the pixels differ: two photos that only look alike to the hash.</summary>
    Unconfirmed,
}
