namespace Lethe.Data;

/// <summary>
/// Refuses a <see cref="DatasetSwitches"/> option given to a dataset that does not take it, in one line that names the
/// datasets that do (read from the registry, so a new dataset joins these messages by declaring what it takes) and
/// says what the refused dataset does instead.
/// </summary>
public sealed class DatasetSwitchRules(DatasetRegistry registry)
{
    /// <summary>Checked in this order, so the first refusal is always the same one.</summary>
    private static readonly DatasetSwitches[] Order =
        [DatasetSwitches.SkipBad, DatasetSwitches.ExcludeDuplicates, DatasetSwitches.IdentitySplits, DatasetSwitches.Forget, DatasetSwitches.Task];

    /// <summary>Throws for the first of <paramref name="given"/> that <paramref name="dataset"/> does not take.</summary>
    /// <param name="name">The name the user gave the dataset by (a MUCAC variant, say).</param>
    /// <exception cref="ArgumentException">"--skip-bad applies to mufac; synthfaces does not leave images out", and so on.</exception>
    public void Require(IDataset dataset, string name, DatasetSwitches given)
    {
        foreach (var option in Order.Where(o => given.HasFlag(o) && !dataset.Accepts.HasFlag(o)))
            throw new ArgumentException($"{OptionName(option)} applies to {TakenBy(option)}; {Instead(option, dataset, name)}");
    }

    private static string OptionName(DatasetSwitches option) => option switch
    {
        DatasetSwitches.SkipBad => "--skip-bad",
        DatasetSwitches.ExcludeDuplicates => "--exclude-duplicates",
        DatasetSwitches.IdentitySplits => "--identity-splits",
        DatasetSwitches.Forget => "--forget",
        _ => "--task",
    };

    /// <summary>What the refused dataset does instead of <paramref name="option"/>.</summary>
    private string Instead(DatasetSwitches option, IDataset dataset, string name) => option switch
    {
        DatasetSwitches.SkipBad or DatasetSwitches.ExcludeDuplicates => $"{name} does not leave images out",
        DatasetSwitches.IdentitySplits when dataset.Accepts.HasFlag(DatasetSwitches.Forget) => $"{name}'s forget set is chosen by --forget",
        DatasetSwitches.Forget when dataset.Accepts.HasFlag(DatasetSwitches.IdentitySplits) => $"{dataset.Title}'s forget people are set by --identity-splits",
        DatasetSwitches.IdentitySplits or DatasetSwitches.Forget => $"{name}'s forget set is fixed",
        _ => $"{name} has its own task" + Hints(),
    };

    private string Hints() => registry.All.Select(d => d.TaskHint).OfType<string>().ToList() is { Count: > 0 } hints
        ? $" ({string.Join("; ", hints)})"
        : "";

    /// <summary>The datasets that take <paramref name="option"/>, alphabetical so registration order does not move the
    /// words: "mufac", "mufac and synthfaces"; for refusals and help texts.</summary>
    public string TakenBy(DatasetSwitches option)
    {
        var titles = registry.All.Where(d => d.Accepts.HasFlag(option)).Select(d => d.Title).Order(StringComparer.OrdinalIgnoreCase).ToList();
        return titles.Count switch
        {
            0 => "no dataset",
            1 => titles[0],
            _ => $"{string.Join(", ", titles[..^1])} and {titles[^1]}",
        };
    }
}
