using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Numerics;

namespace Lethe.Reports.Audit;

/// <summary>
/// The audit's headline table, one row per unlearned model label and one per sanity check, shared by the terminal and
/// the reports. Its columns are the registered audit scores that have one (<see cref="AuditMetricRegistry"/>), in
/// registry order: many-model scores first (per image, then per identity), the single-model population attack and
/// NoMUS last, for comparison. Every row fills them from its own scores, so the null row shows each score's chance
/// level. A score that does not exist is "–"; its reason is stored beside it in audit.json, and
/// <see cref="AuditScoreNotes"/> prints it under the table.
/// </summary>
public sealed record AuditTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>ε above which a person counts as still exposed in the table's count (<see cref="IdentityMetric.ExposedEpsilon"/>).</summary>
    public const double ExposedEpsilon = IdentityMetric.ExposedEpsilon;

    /// <summary>The registered scores that have a column, in column order.</summary>
    internal static IReadOnlyList<AuditRow> Shown { get; } = AuditMetricRegistry.Rows.Where(r => r.Column is not null).ToArray();

    public static AuditTable From(AuditResult result) => new(["Model", .. Shown.Select(r => r.Column!)],
        Labelled(result).Select(row => (IReadOnlyList<string>)[row.Label, .. Shown.Select(r => Cell(r, row.Scores.Get(r.Key)))]).ToArray());

    /// <summary>The table's rows, label and scores: each method, the null row, the simulated chance row, the Original.</summary>
    internal static IEnumerable<(string Label, IReadOnlyDictionary<string, AuditValue> Scores)> Labelled(AuditResult result)
    {
        foreach (var method in result.Methods) yield return (method.Label + (method.DependsOnSeed ? "" : " †"), method.Scores);
        var (n, o) = (result.Null, result.Original);
        yield return ($"null: retrained vs retrained ({n.ModelsPerHalf} a side)", n.Scores);
        yield return ($"chance: two exchangeable pools of {result.N} (simulated)", n.Chance(result.N));
        yield return (o.Kind == "pool" ? $"Original vs retrained ({o.Originals} Originals)" : "Original vs retrained (rank of 1 Original)", o.Scores);
    }

    /// <summary>True when <see cref="Cell"/> shows <paramref name="value"/> as a number, false when as "–".</summary>
    internal static bool IsShown(AuditValue value) => value.Value is { } x && double.IsFinite(x);

    /// <summary>One score as its row says to show it; "–" when it does not exist.</summary>
    internal static string Cell(AuditRow row, AuditValue value)
    {
        if (!IsShown(value)) return "–";
        var x = value.Value!.Value;
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
