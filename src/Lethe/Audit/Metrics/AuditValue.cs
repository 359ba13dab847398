using Lethe.Numerics;

namespace Lethe.Audit.Metrics;

/// <summary>An audit score's value with its 95% interval where it has one, or why it has none.</summary>
/// <param name="Value">The number; null when it does not exist.</param>
/// <param name="Low">Lower end of its 95% interval (bootstrap over examples, or Student t over models); null when it has none.</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="Total">For a count: how many it counts among (the value is "Value of Total"); else null.</param>
/// <param name="Missing">Why there is no number; null when there is one.</param>
/// <param name="Note">What a reader must know to read the number (it sits at the score's cap), or null.</param>
public sealed record AuditValue(double? Value, double? Low = null, double? High = null, int? Total = null, string? Missing = null,
    string? Note = null)
{
    /// <summary>A number, or "not finite" in its place.</summary>
    public static AuditValue Of(double value) => double.IsFinite(value) ? new(value) : None("not finite");

    /// <summary>A mean with its bootstrap interval.</summary>
    public static AuditValue Of(BootstrapInterval interval) => Of(interval.Value) with { Low = interval.Low, High = interval.High };

    /// <summary>A mean over models with its t-interval (none over one model); <paramref name="whyNone"/> when no model has a finite value.</summary>
    public static AuditValue Of(ConfidenceInterval? interval, string whyNone) => interval is null
        ? None(whyNone)
        : Of(interval.Mean) with { Low = interval.Lower, High = interval.Upper };

    /// <summary><paramref name="count"/> of <paramref name="total"/>.</summary>
    public static AuditValue Count(int count, int total) => new(count, Total: total);

    public static AuditValue None(string why) => new(null, Missing: why);
}

/// <summary>Reading scores by key.</summary>
public static class AuditValues
{
    /// <summary>What an audit.json written before a score existed holds for it.</summary>
    public const string NotStored = "not in this audit.json: the Lethe that wrote it did not compute this score";

    /// <summary>The value under <paramref name="key"/>, or <see cref="NotStored"/> when the scores have none.</summary>
    public static AuditValue Get(this IReadOnlyDictionary<string, AuditValue> scores, string key) =>
        scores.TryGetValue(key, out var value) ? value : AuditValue.None(NotStored);

    /// <summary>Every row of <paramref name="rows"/> missing for the same reason.</summary>
    public static IReadOnlyDictionary<string, AuditValue> AllNone(IEnumerable<AuditRow> rows, string why) =>
        rows.ToDictionary(r => r.Key, _ => AuditValue.None(why));
}
