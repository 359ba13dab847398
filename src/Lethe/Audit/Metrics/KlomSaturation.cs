using System.Globalization;

namespace Lethe.Audit.Metrics;

/// <summary>
/// Reads every KLoM of an audit against the null row's KLoM of the same kind (forget, retain, unseen, per identity).
/// When the null row, two halves of the Retrained pool, is itself at the cap (<see cref="Klom.AtCap"/>: above the most
/// an example reaches while a bin holds φ of both halves, so at its 95th percentile their binned φ do not overlap),
/// KLoM cannot tell a method from chance at this N: every row's value of that kind, the null row's too, is missing
/// with the reason, and so is each forget image's and person's. When the null row stays below the cap, a row at the
/// cap keeps its value, which is worse than chance reaches here, with a note that it is at the cap.
/// </summary>
public sealed class KlomSaturation
{
    /// <summary>Each KLoM score with the per-example KLoM it summarises: per image for forget, per person for the identity one.</summary>
    private static readonly string[] Keys = [KlomMetric.Forget, KlomMetric.Retain, KlomMetric.Unseen, IdentityMetric.Klom];

    private readonly IReadOnlyDictionary<string, string> _saturated;
    private readonly IReadOnlySet<string> _belowCap;

    private KlomSaturation(IReadOnlyDictionary<string, string> saturated, IReadOnlySet<string> belowCap) =>
        (_saturated, _belowCap) = (saturated, belowCap);

    /// <summary>The cap as reports print it.</summary>
    public static string CapText => Text(Klom.Cap);

    private static string Text(double klom) => klom.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>Reads the null row's KLoM.</summary>
    /// <param name="nullScores">The null row's scores.</param>
    /// <param name="modelsPerHalf">Models in each half of the null row.</param>
    /// <param name="n">The audit's N, for the reason.</param>
    public static KlomSaturation Of(IReadOnlyDictionary<string, AuditValue> nullScores, int modelsPerHalf, int n)
    {
        var saturated = new Dictionary<string, string>();
        var belowCap = new HashSet<string>();
        foreach (var key in Keys)
        {
            if (nullScores.Get(key).Value is not { } value) continue; // no null to read against: the values stand as they are
            if (!Klom.AtCap(value, modelsPerHalf))
                belowCap.Add(key);
            else
                saturated[key] = $"KLoM saturated: the null row itself reaches the cap {CapText} at N = {n} "
                    + $"({Text(value)} between halves of {modelsPerHalf}, above {Text(Klom.MostWithOverlap(modelsPerHalf))}: their binned φ do not overlap), "
                    + "so KLoM cannot tell a method from chance at this N";
        }
        return new KlomSaturation(saturated, belowCap);
    }

    /// <summary>Why every value of <paramref name="key"/> is missing, or null when the null row leaves it readable.</summary>
    public string? Saturated(string key) => _saturated.GetValueOrDefault(key);

    /// <summary>A row's scores with the rule applied.</summary>
    /// <param name="scores">The row's scores.</param>
    /// <param name="models">Models a side in the row, which set how close to the cap counts as at it.</param>
    public IReadOnlyDictionary<string, AuditValue> Apply(IReadOnlyDictionary<string, AuditValue> scores, int models)
    {
        var applied = scores.ToDictionary();
        foreach (var key in Keys)
        {
            // A value already missing (a diverged model, one Original) keeps its own reason.
            if (scores.Get(key) is not { Value: { } value } kept) continue;
            if (Saturated(key) is { } why)
                applied[key] = AuditValue.None(why);
            else if (Klom.AtCap(value, models))
                applied[key] = kept with { Note = AtCap(models, _belowCap.Contains(key)) };
        }
        return applied;
    }

    /// <summary>A method's scores and its images' and people's KLoM with the rule applied (NaN where saturated).</summary>
    internal MethodAudit Apply(MethodAudit method) => method with
    {
        Scores = Apply(method.Scores, method.N),
        Images = Saturated(KlomMetric.Forget) is null ? method.Images : method.Images.Select(i => i with { Klom = double.NaN }).ToArray(),
        Identities = Saturated(IdentityMetric.Klom) is null ? method.Identities : method.Identities.Select(i => i with { Klom = double.NaN }).ToArray(),
    };

    private static string AtCap(int models, bool nullBelow) =>
        $"at cap: above {Text(Klom.MostWithOverlap(models))}, the most KLoM reaches with {models} models a side while a bin holds φ of both pools, "
        + $"so their binned φ do not overlap (the cap is {CapText} = −ln {Klom.OracleFloor.ToString("0e0", CultureInfo.InvariantCulture)})"
        + (nullBelow ? "; the null row stays below it, so this is worse than chance reaches at this N" : "");
}
