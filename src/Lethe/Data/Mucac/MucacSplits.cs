namespace Lethe.Data;

/// <summary>
/// The set sizes of the complete CelebA-HQ (all 30,000 images of CelebA-HQ-identity.txt) under the reference's
/// thresholds. A copy with missing images drifts from them: the MUCAC notebooks' own outputs, from a copy 100 images
/// short, show train 25,846, test 2,053, forget 10,135, retain 15,711 and unseen 2,001. That is worth a warning but
/// not a refusal.
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
            .Select(pair => $"{pair.First.Set} has {pair.First.Count:N0} images; the complete CelebA-HQ gives {pair.Second.Count:N0} under the reference's thresholds")
            .ToArray();
}
