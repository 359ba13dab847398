namespace Lethe.Data;

/// <summary>How many images each MUCAC set holds.</summary>
public sealed record MucacSplitCounts(int Test, int Train, int Forget, int Retain, int Unseen)
{
    public static MucacSplitCounts Of(IEnumerable<MucacImage> images)
    {
        var bySplit = images.CountBy(i => i.Split).ToDictionary();
        int Count(MucacSplit split) => bySplit.GetValueOrDefault(split);
        return new MucacSplitCounts(Count(MucacSplit.Test), Count(MucacSplit.Forget) + Count(MucacSplit.Retain),
            Count(MucacSplit.Forget), Count(MucacSplit.Retain), Count(MucacSplit.Unseen));
    }

    /// <summary>The sets in report order, with the names reports print.</summary>
    public IEnumerable<(string Set, int Count)> Sets() =>
        [("D_test", Test), ("D_train", Train), ("D_forget", Forget), ("D_retain", Retain), ("D_unseen", Unseen)];
}
