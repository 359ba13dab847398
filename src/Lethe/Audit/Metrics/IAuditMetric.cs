namespace Lethe.Audit.Metrics;

/// <summary>
/// A many-model audit score: one file and one line in <see cref="AuditMetricRegistry"/>, like a per-model
/// <see cref="Evaluation.Metrics.IModelMetric"/>. It sees one comparison of two pools (<see cref="AuditComparison"/>:
/// a method's unlearned models against the Retrained pool, one half of that pool against the other, or the Originals
/// against it), so every row of the audit table, the null row included, carries every score and each can be read
/// against its own chance level. Its values are stored under their keys in audit.json and the reports show them as
/// table columns, with no code of their own in the writers.
/// </summary>
public interface IAuditMetric
{
    /// <summary>The prefix of its keys ("u-lira"): lower case, stable across versions.</summary>
    string Name { get; }

    /// <summary>The values it gives, in table order.</summary>
    IReadOnlyList<AuditRow> Rows { get; }

    /// <summary>One value per row key. A value that does not exist (a diverged model, one Original with no pool, no
    /// retain φ) is <see cref="AuditValue.None"/> with the reason, never a stand-in number.</summary>
    IReadOnlyDictionary<string, AuditValue> Measure(AuditComparison comparison);
}

/// <summary>One value of an audit metric.</summary>
/// <param name="Key">Unique over the registry, "name/row" ("u-lira/auc"); the key in audit.json.</param>
/// <param name="Column">Its column in the audit table, or null for a value kept in audit.json only (the table has
/// room for the headline scores, not all of them).</param>
/// <param name="Format">.NET numeric format of the value ("F3").</param>
/// <param name="Shown">How the table writes the value (with its interval, as a count…).</param>
public sealed record AuditRow(string Key, string? Column, string Format = "F3", AuditShown Shown = AuditShown.Value);

/// <summary>How a table cell writes an <see cref="AuditValue"/>.</summary>
public enum AuditShown
{
    /// <summary>The value alone ("0.733"), even when it has an interval.</summary>
    Value,

    /// <summary>The value and its bootstrap interval ("0.083 [0.070, 0.097]").</summary>
    Interval,

    /// <summary>A mean ± the half-width of its t-interval ("0.701 ± 0.031"); the mean alone over one model.</summary>
    PlusMinus,

    /// <summary>A count out of <see cref="AuditValue.Total"/> ("7/8").</summary>
    Count,
}
