using Lethe.Experiments;
using Lethe.Numerics;

namespace Lethe.Evaluation;

/// <summary>Draws the rows an <see cref="AttackBalance"/> asks for, each side from its own named stream of the evaluation seed.</summary>
internal static class AttackSampler
{
    public const string ForgetStream = "mia/forget-shuffle";
    public const string UnseenStream = "mia/unseen-shuffle";

    /// <summary>The forget and unseen losses the attack uses, in the order it uses them.</summary>
    public static (double[] Forget, double[] Unseen) Draw(
        IReadOnlyList<double> forget, IReadOnlyList<double> unseen, AttackBalance balance, long seed)
    {
        // Forget is always permuted, even when nothing is cut, as the reference does: the row order decides which rows
        // each split tests on, so skipping the permutation would change the numbers of MUFAC's published setting.
        var members = Keep(forget, balance.ForgetUsed, seed, ForgetStream);
        // Unseen keeps the reference's order unless it is cut.
        var nonMembers = balance.Subsampled == SubsampledSide.Unseen
            ? Keep(unseen, balance.UnseenUsed, seed, UnseenStream)
            : unseen.ToArray();
        return (members, nonMembers);
    }

    /// <summary>A seeded permutation of <paramref name="losses"/>, cut to its first <paramref name="count"/>.</summary>
    private static double[] Keep(IReadOnlyList<double> losses, int count, long seed, string stream)
    {
        var shuffled = losses.ToArray();
        Permutation.Shuffle(shuffled, Seeds.Random(seed, stream));
        return shuffled[..count];
    }
}
