namespace Lethe.Data.Checks;

/// <summary>
/// Which listed images `--exclude-duplicates` leaves out so that the attack is not confounded by leaked copies: a copy
/// of a forget image in retain would keep training the model on what it should forget, and a copy of a training image
/// in test or unseen would look like a member to the attack. So retain loses its copies of forget images, and test and
/// unseen lose their copies of any training image; the forget set itself is never changed. Only exact and confirmed
/// near copies count (<see cref="DuplicatePair.IsCopy"/>).
/// </summary>
public static class DuplicateExclusion
{
    /// <param name="pairs">Duplicate pairs among images whose <see cref="ImageFingerprint.Set"/> is forget, retain, test or unseen.</param>
    /// <returns>The excluded images, each with the reason ("… duplicates …").</returns>
    public static IReadOnlyList<(ImageFingerprint Image, string Reason)> Decide(IEnumerable<DuplicatePair> pairs)
    {
        var excluded = new Dictionary<string, (ImageFingerprint, string)>();
        // A near match the pixels did not confirm is two photos, not one: both stay.
        foreach (var pair in pairs.Where(p => p.IsCopy))
        {
            foreach (var (copy, original) in new[] { (pair.Second, pair.First), (pair.First, pair.Second) })
            {
                if (Excludes(copy.Set, original.Set) && !excluded.ContainsKey(copy.Where))
                    excluded[copy.Where] = (copy, $"{copy.Where}: excluded: {pair.Describe()} of {original.Where} ({original.Set})");
            }
        }
        return excluded.Values.OrderBy(e => e.Item1.Where, StringComparer.Ordinal).ToArray();
    }

    private static bool Excludes(string copySet, string originalSet) => (copySet, originalSet) switch
    {
        ("retain", "forget") => true,
        ("test" or "unseen", "forget" or "retain") => true,
        _ => false,
    };
}
