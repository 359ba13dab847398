using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Numerics;

namespace Lethe.Reports.Audit;

/// <summary>
/// The audit's headline table, one row per unlearned model label and one per sanity check, shared by the terminal and
/// the reports. Its columns are the registered audit scores that have one (<see cref="AuditMetricRegistry"/>), in
/// registry order: many-model scores first (per image, then per identity), the single-model population attack and
/// NoMUS last, for comparison. Every row fills them from its own scores, so the null row shows each score's chance
/// level. A score that does not exist is "–"; its reason is stored beside it in audit.json.
/// </summary>
public sealed record AuditTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>ε above which a person counts as still exposed in the table's count (<see cref="IdentityMetric.ExposedEpsilon"/>).</summary>
    public const double ExposedEpsilon = IdentityMetric.ExposedEpsilon;

    public static AuditTable From(AuditResult result)
    {
        var shown = AuditMetricRegistry.Rows.Where(r => r.Column is not null).ToArray();
        IReadOnlyList<string> Row(string label, IReadOnlyDictionary<string, AuditValue> scores) =>
            [label, .. shown.Select(r => Cell(r, scores.Get(r.Key)))];
        var rows = result.Methods.Select(m => Row(m.Label + (m.DependsOnSeed ? "" : " †"), m.Scores)).ToList();
        var (n, o) = (result.Null, result.Original);
        rows.Add(Row($"null: retrained vs retrained ({n.ModelsPerHalf} a side)", n.Scores));
        rows.Add(Row($"chance: two exchangeable pools of {result.N} (simulated)", n.Chance(result.N)));
        rows.Add(Row(o.Kind == "pool" ? $"Original vs retrained ({o.Originals} Originals)" : "Original vs retrained (rank of 1 Original)", o.Scores));
        return new AuditTable(["Model", .. shown.Select(r => r.Column!)], rows);
    }

    /// <summary>One score as its row says to show it; "–" when it does not exist.</summary>
    internal static string Cell(AuditRow row, AuditValue value)
    {
        if (value.Value is not { } x || !double.IsFinite(x)) return "–";
        return (row.Shown, value) switch
        {
            (AuditShown.Interval, { Low: { } low, High: { } high }) => $"{Number(x, row.Format)} [{Number(low, row.Format)}, {Number(high, row.Format)}]",
            (AuditShown.PlusMinus, { Low: { } low, High: { } high }) => $"{Number(x, row.Format)} ± {Number((high - low) / 2, row.Format)}",
            (AuditShown.Count, { Total: { } total }) => $"{Number(x, row.Format)}/{total}",
            _ => Number(x, row.Format),
        };
    }

    internal static string Number(double? value, string format = "F3") => NumberText.Of(value, format);
}
