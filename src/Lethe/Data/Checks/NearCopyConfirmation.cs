using System.Collections.Concurrent;
using Lethe.Data.Files;

namespace Lethe.Data.Checks;

/// <summary>
/// Decides which near matches of the perceptual hash are copies. On aligned, grey, evenly lit face crops the 63-bit
/// hash is too coarse: different people under the same light land within a few bits, and leaving those out as
/// "copies" would drop genuine images. So each near match is decoded again and compared pixel by pixel
/// (<see cref="PixelDifference"/>); only a pair under <see cref="Threshold"/> is a near copy.
/// </summary>
public static class NearCopyConfirmation
{
    /// <summary>
    /// Grey levels (of 255, mean absolute difference at 64 × 64) below which a near match is a copy. Measured (2026-11,
    /// see the lead's report on issue 9): real MUFAC's 374 near matches (≤ 4 bits, not byte-equal) split into 286
    /// pairs at 0.3–6.0, which on inspection are one photo re-saved under repeated family ids, and 87 at 12.1–50.3,
    /// different people (white-background ID photos) but for one same-person pair at 12.1; re-encoded copies of MUFAC
    /// images (JPEG quality 60–90, brightness ± 10, a 0.75× bilinear resize and back) reach at most 6.4; different
    /// people drawn by SynthFaces under one light differ by 7.7 at the least (9.5 among its ≤ 4-bit matches), and
    /// MUFAC's different people by 16.3. 7 sits in that gap.
    /// </summary>
    public const double Threshold = 7.0;

    /// <summary>
    /// <paramref name="pairs"/> with every <see cref="DuplicateKind.Candidate"/> decided: <see cref="DuplicateKind.NearCopy"/>
    /// or <see cref="DuplicateKind.Unconfirmed"/>, with its <see cref="DuplicatePair.PixelDifference"/>. Exact pairs pass through.
    /// </summary>
    /// <exception cref="DataFileException">An image of a candidate can no longer be decoded (it changed since it was hashed).</exception>
    public static IReadOnlyList<DuplicatePair> Confirm(IReadOnlyList<DuplicatePair> pairs)
    {
        var files = pairs.Where(p => p.Kind == DuplicateKind.Candidate).SelectMany(p => new[] { p.First.File, p.Second.File }).Distinct().ToArray();
        var thumbnails = new ConcurrentDictionary<string, float[]>();
        Parallel.ForEach(files, file => thumbnails[file] = PixelDifference.Thumbnail(ImageFile.Decode(file)));
        return pairs.Select(p => p.Kind != DuplicateKind.Candidate ? p : Decide(p, PixelDifference.Between(thumbnails[p.First.File], thumbnails[p.Second.File])))
            .ToArray();
    }

    private static DuplicatePair Decide(DuplicatePair pair, double difference) =>
        pair with { Kind = difference < Threshold ? DuplicateKind.NearCopy : DuplicateKind.Unconfirmed, PixelDifference = difference };
}
