using Lethe.Audit;
using Lethe.Numerics;

namespace Lethe.Reports.Audit;

/// <summary>The audit's per-person test as one table every audit format renders: a row per label (null, Original, methods).</summary>
public static class PersonVerdictTable
{
    /// <summary>How the per-person test decides, in words for the report.</summary>
    public const string Legend = "Each model is tested person by person against the Retrained pool: per image the model's φ in pool "
        + "standard deviations (a rank for pools under 8), averaged over the person's photos, judged against the same statistic over "
        + "unseen people (a t prediction interval), Benjamini–Hochberg across people. A person is exposed at q ≤ 0.05; unseen people, "
        + "whom nobody trained on, are the control, and the null row (each Retrained model against the others) is the test's own level here.";

    public static IReadOnlyList<string> Columns { get; } =
        ["models", "tested", "pool", "forget people exposed (mean share)", "unseen people flagged (control)", "most exposed person", "note"];

    /// <summary>The table, or null for an audit scored before the test existed.</summary>
    public static AuditTable? From(AuditResult result) => result.PersonVerdicts is not { } verdicts ? null : new AuditTable(Columns,
        verdicts.Select(v => (IReadOnlyList<string>)
        [
            v.Label, $"{v.Models}", $"{v.PoolSize}", Share(v.ForgetExposedShare), Share(v.UnseenExposedShare),
            v.People.FirstOrDefault() is { } top ? $"{top.Identity} ({top.ExposedIn}/{top.Of})" : "–", v.Note ?? "",
        ]).ToArray());

    private static string Share(double? share) => share is { } s ? NumberText.Percent(s) : "–";
}
