namespace Lethe.Data.Checks;

/// <summary>
/// Finds exact duplicates (same content hash) and near matches (perceptual hashes within a Hamming distance) among
/// listed images, and has the pixels of each near match confirm or reject it. Near duplicates are found by comparing every pair: 64-bit popcounts make that about 10^8 pairs a
/// second, so MUFAC's 13,068 images take a fraction of one, and no index can miss a pair.
/// </summary>
public static class DuplicateFinder
{
    /// <summary>A distance that joins re-encoded and resized copies but not, on MUFAC, different photos of a person.</summary>
    public const int DefaultNearDistance = 4;

    /// <summary>Exact pairs and near matches, each near match confirmed or not by its pixels (<see cref="NearCopyConfirmation"/>).</summary>
    public static IReadOnlyList<DuplicatePair> Find(IReadOnlyList<ImageFingerprint> images, int nearDistance = DefaultNearDistance) =>
        NearCopyConfirmation.Confirm(Candidates(images, nearDistance));

    /// <summary>Exact pairs and near matches of the hash alone (<see cref="DuplicateKind.Candidate"/>), in index order.</summary>
    public static IReadOnlyList<DuplicatePair> Candidates(IReadOnlyList<ImageFingerprint> images, int nearDistance = DefaultNearDistance)
    {
        var hashes = images.Select(i => i.Perceptual).ToArray();
        // Content hashes as small ints: the loop below compares about n²/2 pairs, and string equality there is the cost.
        var contentIds = new Dictionary<string, int>();
        var content = images.Select(i => contentIds.TryGetValue(i.ContentHash, out var id) ? id : contentIds[i.ContentHash] = contentIds.Count).ToArray();
        var pairs = new System.Collections.Concurrent.ConcurrentBag<(int, int)>();
        Parallel.For(0, images.Count, i =>
        {
            for (int j = i + 1; j < images.Count; j++)
                if (PerceptualHash.Distance(hashes[i], hashes[j]) <= nearDistance || content[i] == content[j])
                    pairs.Add((i, j));
        });
        return pairs.OrderBy(p => p.Item1).ThenBy(p => p.Item2)
            .Select(p => new DuplicatePair(images[p.Item1], images[p.Item2],
                content[p.Item1] == content[p.Item2] ? DuplicateKind.Exact : DuplicateKind.Candidate, PerceptualHash.Distance(hashes[p.Item1], hashes[p.Item2])))
            .ToArray();
    }
}
