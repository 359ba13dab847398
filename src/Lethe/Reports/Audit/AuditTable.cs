using Lethe.Audit;
using Lethe.Numerics;

namespace Lethe.Reports.Audit;

/// <summary>
/// The audit's headline table, one row per unlearned model label and one per sanity check, shared by the terminal and
/// the reports. Many-model scores come first (per image, then per identity), the single-model population attack and
/// NoMUS last, for comparison. A score that does not exist is "–".
/// </summary>
public sealed record AuditTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>ε above which a person counts as still exposed in the table's count (e^1 ≈ 2.7 times likelier to be told apart).</summary>
    public const double ExposedEpsilon = 1.0;

    public static AuditTable From(AuditResult result)
    {
        string[] columns =
        [
            "Model", "F (95% CI)", "mean ε", "final score", "U-LiRA AUC", "U-LiRA bal. acc", "TPR@1%FPR", "TPR@0.1%FPR",
            "KLoM95 forget", "KLoM95 retain", "KLoM95 unseen", "F per identity", $"identities ε>{ExposedEpsilon:0}",
            "pop. attack acc", "NoMUS", "test acc",
        ];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var m in result.Methods)
            rows.Add([
                m.Label + (m.DependsOnSeed ? "" : " †"), Interval(m.ForgettingQuality), Number(m.Epsilon?.Value, "F2"), Number(m.Final?.Final),
                Number(m.ULira?.Auc), Number(m.ULira?.BalancedAccuracy), Number(m.ULira?.TprAt1PercentFpr), Number(m.ULira?.TprAtTenthPercentFpr),
                Number(m.KlomForget), Number(m.KlomRetain), Number(m.KlomUnseen), Interval(m.IdentityForgettingQuality),
                m.Identities.Count == 0 ? "–" : $"{m.Identities.Count(i => i.Epsilon > ExposedEpsilon)}/{m.Identities.Count}",
                Ci(m.PopulationAttack), Ci(m.Nomus), Ci(m.TestAccuracy),
            ]);
        var n = result.Null;
        rows.Add([$"null: retrained vs retrained ({n.ModelsPerHalf} a side)", Interval(n.ForgettingQuality), Number(n.Epsilon?.Value, "F2"), "–",
            Number(n.ULira?.Auc), Number(n.ULira?.BalancedAccuracy), Number(n.ULira?.TprAt1PercentFpr), Number(n.ULira?.TprAtTenthPercentFpr),
            "–", "–", "–", "–", "–", Ci(result.RetrainedAttack), "–", "–"]);
        rows.Add([$"chance: two exchangeable pools of {result.N} (simulated)", Number(n.ChanceFull), "–", "–", "0.500", "0.500", "–", "–",
            "–", "–", "–", "–", "–", "–", "–", "–"]);
        var o = result.Original;
        rows.Add([o.Kind == "pool" ? $"Original vs retrained ({o.Originals} Originals)" : "Original vs retrained (rank of 1 Original)",
            Interval(o.ForgettingQuality), "–", "–", Number(o.ULira?.Auc), Number(o.ULira?.BalancedAccuracy), Number(o.ULira?.TprAt1PercentFpr),
            Number(o.ULira?.TprAtTenthPercentFpr), "–", "–", "–", "–", "–", Ci(result.OriginalAttack), "–", "–"]);
        return new AuditTable(columns, rows);
    }

    internal static string Number(double? value, string format = "F3") => NumberText.Of(value, format);

    internal static string Interval(BootstrapInterval? interval) => interval is null
        ? "–"
        : $"{Number(interval.Value)} [{Number(interval.Low)}, {Number(interval.High)}]";

    private static string Ci(ConfidenceInterval? interval) => interval?.Format("F3") ?? "–";
}
