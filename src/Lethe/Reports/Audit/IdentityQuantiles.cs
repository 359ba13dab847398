using Lethe.Audit;

namespace Lethe.Reports.Audit;

/// <summary>The distribution of per-identity ε of each method as a table: quantiles and counts of exposed people.</summary>
internal static class IdentityQuantiles
{
    public static readonly double[] Quantiles = [0, 0.25, 0.5, 0.75, 0.9, 1];

    public static IReadOnlyList<string> Columns { get; } =
        ["Model", "min", "25%", "median", "75%", "90%", "max", "ε > 0.5", "ε > 1", "ε > 2", "ε = 50"];

    /// <summary>A row per method; one without per-person ε (diverged, or an N too small for ε) is "–" throughout, and
    /// the score table's notes say why.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows(AuditResult result) => result.Methods
        .Select(m =>
        {
            if (!m.HasPersonEpsilon) return (IReadOnlyList<string>)[m.Label, .. Columns.Skip(1).Select(_ => "–")];
            var distribution = ScoreDistribution.Of(m.Identities.Select(i => i.Epsilon).ToArray(), m.Identities.Select(i => i.Identity).ToArray());
            return (IReadOnlyList<string>)new[] { m.Label }
                .Concat(Quantiles.Select(q => AuditTable.Number(distribution.Quantile(q), "F2")))
                .Concat(new[] { 0.5, 1, 2 }.Select(t => distribution.CountAbove(t).ToString()))
                .Append(distribution.Values.Count(v => v >= ChallengeEpsilon.Cap).ToString())
                .ToArray();
        }).ToArray();
}
