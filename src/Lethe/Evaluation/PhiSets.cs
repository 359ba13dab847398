namespace Lethe.Evaluation;

/// <summary>The names of the sets a φ table covers, as stored in its "set" column.</summary>
public static class PhiSets
{
    public const string Forget = "forget";
    public const string Retain = "retain";
    public const string Test = "test";
    public const string Unseen = "unseen";

    /// <summary>The four names, in the order a φ table stores them.</summary>
    public static IReadOnlyList<string> All { get; } = [Forget, Retain, Test, Unseen];
}
