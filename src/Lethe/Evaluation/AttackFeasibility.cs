using System.Globalization;

namespace Lethe.Evaluation;

/// <summary>
/// Whether the attack can be computed on sets of given sizes. Its cross-validation draws
/// <see cref="MembershipInferenceOptions.Splits"/> stratified splits, and each split's test part of ⌈TestFraction·n⌉
/// rows must hold a forget and an unseen row: 5 forget against 5 unseen images (a test part of 1 row) cannot, and a
/// person with 3 photos forgotten by <c>--forget identities:1</c> is real data. So the run asks this before it trains
/// and again when it evaluates, `lethe datasets check` asks it too, and such a run goes on with no A, F or NoMUS
/// ("–", with this reason) instead of stopping after hours of training.
/// </summary>
public static class AttackFeasibility
{
    /// <summary>Why the attack cannot be computed on the sets <paramref name="balance"/> uses ("5 forget vs 5 unseen
    /// images are too few: …"), or null when it can.</summary>
    public static string? Problem(AttackBalance balance, MembershipInferenceOptions options)
    {
        var (forget, unseen) = (balance.ForgetUsed, balance.UnseenUsed);
        if (StratifiedShuffleSplit.Unsplittable([unseen, forget], options.TestFraction) is null) return null;
        int rows = forget + unseen, test = StratifiedShuffleSplit.TestSize(rows, options.TestFraction);
        var percent = (options.TestFraction * 100).ToString("0.##", CultureInfo.InvariantCulture);
        var part = test < 2
            ? $"each of its {options.Splits} splits tests ⌈{percent}% of {rows}⌉ = {test} row, which cannot hold a forget and an unseen one"
            : $"each of its {options.Splits} splits trains on {rows - test} of {rows} rows, which must hold a forget and an unseen one";
        return $"{forget} forget vs {unseen} unseen images are too few: {part} (at least {MinimumPerSide(options)} images a side are needed)";
    }

    /// <summary>The fewest images a side for which equal sets can be split (6 for the reference's 10% test parts).</summary>
    public static int MinimumPerSide(MembershipInferenceOptions options)
    {
        int side = 1;
        while (StratifiedShuffleSplit.Unsplittable([side, side], options.TestFraction) is not null) side++;
        return side;
    }
}
