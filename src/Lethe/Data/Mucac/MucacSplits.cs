namespace Lethe.Data;

/// <summary>
/// The set sizes the reference got from the complete CelebA-HQ with the default thresholds (spec §3.4). A copy with
/// missing images drifts from them (one with 29,900 images gave 25,846 / 2,053 / 10,135 / 15,711 / 2,001), which is
/// worth a warning but not a refusal.
/// </summary>
public static class MucacSplits
{
    public const int ExpectedTest = 2_065;
    public const int ExpectedTrain = 25_933;
    public const int ExpectedForget = 10_183;
    public const int ExpectedRetain = 15_750;
    public const int ExpectedUnseen = 2_002;

    public static MucacSplitCounts Expected { get; } =
        new(ExpectedTest, ExpectedTrain, ExpectedForget, ExpectedRetain, ExpectedUnseen);

    /// <summary>One sentence per set whose size differs from <see cref="Expected"/>; empty when all agree.</summary>
    public static IReadOnlyList<string> Differences(MucacSplitCounts actual) =>
        actual.Sets().Zip(Expected.Sets())
            .Where(pair => pair.First.Count != pair.Second.Count)
            .Select(pair => $"{pair.First.Set} has {pair.First.Count:N0} images; the reference had {pair.Second.Count:N0}")
            .ToArray();
}
