namespace Lethe.Data;

/// <summary>
/// What every split must hold before anything trains. `lethe datasets check` and the benchmark both ask this one
/// function, so that the check never calls a folder usable that the run then refuses (an empty forget or retain set,
/// say, from `--forget first:1500` on a 591-image train set).
/// </summary>
public static class SplitRules
{
    /// <summary>One line per broken rule, empty when the split is usable.</summary>
    /// <param name="sizes">The sets as the run would get them (after bad images and excluded copies are left out).</param>
    /// <param name="forget">The forget choice as the user gave it ("first:1500"), named in the messages; null for none.</param>
    public static IReadOnlyList<string> Problems(SplitSizes sizes, string? forget)
    {
        var chosen = forget is null ? "" : $" (--forget {forget} on {sizes.Train:N0} training images)";
        var problems = new List<string>();
        if (sizes.Forget == 0) problems.Add($"the forget set is empty{chosen}: there is nothing to unlearn");
        if (sizes.Retain == 0) problems.Add($"the retain set is empty{chosen}: the forget set takes every training image, so Retrained has nothing to learn from");
        if (sizes.Test == 0) problems.Add("the test set is empty: accuracy cannot be measured");
        if (sizes.Unseen == 0) problems.Add("the unseen set is empty: the membership attack has no non-members");
        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any, all of them on one line.</summary>
    /// <exception cref="InvalidDataException">The split breaks a rule.</exception>
    public static void Require(SplitSizes sizes, string? forget)
    {
        if (Problems(sizes, forget) is { Count: > 0 } problems) throw new InvalidDataException(string.Join("; ", problems));
    }
}
