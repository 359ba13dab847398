namespace Lethe.Data;

/// <summary>
/// The options that only some datasets take. A dataset lists those it takes (<see cref="IDataset.Accepts"/>), and
/// <see cref="DatasetRegistry.Validate"/> refuses the others, because a switch a loader ignores would do nothing and
/// say nothing.
/// </summary>
[Flags]
public enum DatasetSwitches
{
    None = 0,

    /// <summary>--skip-bad: leave out unreadable images, each listed.</summary>
    SkipBad = 1,

    /// <summary>--exclude-duplicates: leave out retain, test and unseen copies of training images.</summary>
    ExcludeDuplicates = 2,

    /// <summary>--identity-splits: the forget set is a range of identities.</summary>
    IdentitySplits = 4,

    /// <summary>--forget: the forget set is chosen (first:N, identities:N).</summary>
    Forget = 8,

    /// <summary>--task: one dataset, several tasks; without it the dataset (or its variant's name) fixes the task.</summary>
    Task = 16,
}
