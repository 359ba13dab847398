namespace Lethe.Data;

/// <summary>Images in each set of a benchmark split: forget and retain partition train.</summary>
public sealed record SplitSizes(int Train, int Forget, int Retain, int Test, int Unseen)
{
    public static SplitSizes Of(BenchmarkData data) =>
        new(data.Train.Count, data.Forget.Count, data.Retain.Count, data.Test.Count, data.Unseen.Count);
}
