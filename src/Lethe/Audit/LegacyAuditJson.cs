using System.Text.Json;
using System.Text.Json.Nodes;
using Lethe.Audit.Metrics;
using Lethe.Numerics;

namespace Lethe.Audit;

/// <summary>
/// Reads audit.json files written before the audit's scores were keyed (every audit up to this change, such as the committed
/// docs/results/audit-*): each method, the null check and the Original check then held one named field per score
/// (ForgettingQuality, ULira, KlomForget, PopulationAttack…), and the result the population attack on the Originals and
/// on the Retrained models beside them. Each such object gets the <c>Scores</c> it would have today; a score those
/// files never held (KLoM of the null row, say) is missing with the reason, never made up.
/// </summary>
internal static class LegacyAuditJson
{
    /// <summary>Why an old file's null or Original row lacks a score.</summary>
    public const string NotScored = "not scored: this audit.json was written before the null and Original rows carried every score";

    /// <summary>Adds <c>Scores</c> to every object of <paramref name="root"/> that lacks them, in place; returns it.</summary>
    public static JsonNode Upgrade(JsonNode root, JsonSerializerOptions json)
    {
        if (root is not JsonObject audit) return root;
        T? Read<T>(JsonNode? node, string name) where T : class => node?[name] is { } value ? value.Deserialize<T>(json) : null;
        double? Number(JsonNode? node, string name) => node?[name] is JsonValue value && value.TryGetValue<double>(out var x) ? x : null;
        void Put(JsonObject row, Dictionary<string, AuditValue> scores) => row["Scores"] = JsonSerializer.SerializeToNode(scores, json);

        foreach (var method in (audit["Methods"] as JsonArray ?? []).OfType<JsonObject>().Where(o => !o.ContainsKey("Scores")))
        {
            var scores = Scores((string?)method["Note"] ?? AuditValues.NotStored,
                Read<BootstrapInterval>(method, "ForgettingQuality"), Read<BootstrapInterval>(method, "Epsilon"), Read<AttackMetrics>(method, "ULira"),
                Read<ConfidenceInterval>(method, "PopulationAttack"));
            Set(scores, ForgettingQualityMetric.Final, Number(method["Final"], "Final"));
            Set(scores, KlomMetric.Forget, Number(method, "KlomForget"));
            Set(scores, KlomMetric.Retain, Number(method, "KlomRetain"));
            Set(scores, KlomMetric.Unseen, Number(method, "KlomUnseen"));
            Set(scores, IdentityMetric.F, Read<BootstrapInterval>(method, "IdentityForgettingQuality"));
            Set(scores, IdentityMetric.MeanEpsilon, Read<BootstrapInterval>(method, "IdentityEpsilon"));
            Set(scores, IdentityMetric.Klom, Number(method, "IdentityKlomForget"));
            if (Read<AttackMetrics>(method, "IdentityULira") is { } identityULira)
                foreach (var (key, value) in ULiraMetric.ValuesOf(IdentityMetric.ULiraPrefix, identityULira)) scores[key] = value;
            var epsilons = (method["Identities"] as JsonArray ?? []).Select(i => Number(i, "Epsilon") ?? double.NaN).ToArray();
            if (epsilons.Length > 0) scores[IdentityMetric.Exposed] = AuditValue.Count(epsilons.Count(e => e > IdentityMetric.ExposedEpsilon), epsilons.Length);
            foreach (var (key, name) in new[] { (SingleModelMetric.Nomus, "Nomus"), (SingleModelMetric.TestAccuracy, "TestAccuracy"),
                         (SingleModelMetric.RetainAccuracy, "RetainAccuracy"), (SingleModelMetric.ForgetAccuracy, "ForgetAccuracy") })
                if (Read<ConfidenceInterval>(method, name) is { } interval) scores[key] = AuditValue.Of(interval, "");
            Put(method, scores);
        }
        if (audit["Null"] is JsonObject check && !check.ContainsKey("Scores"))
            Put(check, Scores(check["Passed"] is null ? (string?)check["Verdict"] ?? NotScored : NotScored,
                Read<BootstrapInterval>(check, "ForgettingQuality"), Read<BootstrapInterval>(check, "Epsilon"), Read<AttackMetrics>(check, "ULira"),
                Read<ConfidenceInterval>(audit, "RetrainedAttack")));
        if (audit["Original"] is JsonObject original && !original.ContainsKey("Scores"))
            Put(original, Scores((string?)original["Kind"] == "rank" ? OriginalCheck.NoPool : NotScored,
                Read<BootstrapInterval>(original, "ForgettingQuality"), null, Read<AttackMetrics>(original, "ULira"),
                Read<ConfidenceInterval>(audit, "OriginalAttack")));
        return audit;
    }

    /// <summary>The scores every old row held: F, mean ε, U-LiRA and the population attack; the rest missing for <paramref name="why"/>.</summary>
    private static Dictionary<string, AuditValue> Scores(string why, BootstrapInterval? f, BootstrapInterval? epsilon, AttackMetrics? ulira,
        ConfidenceInterval? attack)
    {
        var scores = AuditValues.AllNone(AuditMetricRegistry.Rows, why).ToDictionary();
        Set(scores, ForgettingQualityMetric.F, f);
        Set(scores, ForgettingQualityMetric.MeanEpsilon, epsilon);
        if (ulira is not null)
            foreach (var (key, value) in ULiraMetric.ValuesOf(ULiraMetric.Prefix, ulira)) scores[key] = value;
        if (attack is not null) scores[SingleModelMetric.Attack] = AuditValue.Of(attack, "");
        return scores;
    }

    private static void Set(Dictionary<string, AuditValue> scores, string key, BootstrapInterval? interval)
    {
        if (interval is not null) scores[key] = AuditValue.Of(interval);
    }

    private static void Set(Dictionary<string, AuditValue> scores, string key, double? value)
    {
        if (value is { } x) scores[key] = AuditValue.Of(x);
    }
}
