namespace Lethe.Data.Checks;

/// <summary>
/// Finds exact duplicates (same content hash) and near duplicates (perceptual hashes within a Hamming distance) among
/// listed images. Near duplicates are found by comparing every pair: 64-bit popcounts make that about 10^8 pairs a
/// second, so MUFAC's 13,068 images take a fraction of one, and no index can miss a pair.
/// </summary>
public static class DuplicateFinder
{
    /// <summary>A distance that joins re-encoded and resized copies but not, on MUFAC, different photos of a person.</summary>
    public const int DefaultNearDistance = 4;

    public static IReadOnlyList<DuplicatePair> Find(IReadOnlyList<ImageFingerprint> images, int nearDistance = DefaultNearDistance)
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
            .Select(p => new DuplicatePair(images[p.Item1], images[p.Item2], content[p.Item1] == content[p.Item2],
                PerceptualHash.Distance(hashes[p.Item1], hashes[p.Item2])))
            .ToArray();
    }
}
