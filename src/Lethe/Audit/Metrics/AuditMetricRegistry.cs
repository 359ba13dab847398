namespace Lethe.Audit.Metrics;

/// <summary>
/// Every many-model audit score, in table order: an explicit list, not a reflection scan, so this file shows them all.
/// Add a score by adding its file and one line here; every audit row (methods, the null check, the Originals) then
/// carries it, audit.json stores it, and the audit table shows its columns.
/// </summary>
public static class AuditMetricRegistry
{
    public static IReadOnlyList<IAuditMetric> All { get; } =
    [
        new ForgettingQualityMetric(),
        new ULiraMetric(),
        new KlomMetric(),
        new IdentityMetric(),
        new SingleModelMetric(),
    ];

    /// <summary>Every metric's rows, in table order.</summary>
    public static IReadOnlyList<AuditRow> Rows { get; } = All.SelectMany(m => m.Rows).ToArray();

    /// <summary>Measures every registered metric on <paramref name="comparison"/>. A metric that fails on bad input is not
    /// caught (it is a bug or the user's data, and says which); one that leaves out a row of its own is a bug.</summary>
    public static IReadOnlyDictionary<string, AuditValue> MeasureAll(AuditComparison comparison)
    {
        var values = new Dictionary<string, AuditValue>();
        foreach (var metric in All)
        {
            var measured = metric.Measure(comparison);
            foreach (var row in metric.Rows)
                values[row.Key] = measured.TryGetValue(row.Key, out var value)
                    ? value
                    : throw new InvalidOperationException($"audit metric {metric.Name} gave no value for its row {row.Key}");
        }
        return values;
    }
}
