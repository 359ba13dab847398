namespace Lethe.Audit.Metrics;

/// <summary>
/// The forget set's scores per person, each on the person's mean φ over their images: F with its bootstrap interval
/// over people, how many people stay exposed (ε above <see cref="ExposedEpsilon"/>), the mean ε, U-LiRA and KLoM.
/// </summary>
public sealed class IdentityMetric : IAuditMetric
{
    /// <summary>ε above which a person counts as still exposed (e^1 ≈ 2.7 times likelier to be told apart).</summary>
    public const double ExposedEpsilon = 1.0;

    public const string F = "per-identity/f";
    public const string Exposed = "per-identity/exposed";
    public const string MeanEpsilon = "per-identity/mean-epsilon";
    public const string Klom = "per-identity/klom-forget";
    /// <summary>The prefix of the per-identity attack's keys.</summary>
    public const string ULiraPrefix = "per-identity/u-lira-";

    public string Name => "per-identity";

    public IReadOnlyList<AuditRow> Rows { get; } =
    [
        new(F, "F per identity", Shown: AuditShown.Interval),
        new(Exposed, $"identities ε>{ExposedEpsilon:0}", "0", AuditShown.Count),
        new(MeanEpsilon, null, "F2"),
        .. ULiraMetric.RowsOf(ULiraPrefix, headline: false),
        new(Klom, null),
    ];

    public IReadOnlyDictionary<string, AuditValue> Measure(AuditComparison comparison)
    {
        if (comparison.Forget is not { PerIdentity: var people }) return AuditValues.AllNone(Rows, comparison.Unscored!);
        var values = ULiraMetric.ValuesOf(ULiraPrefix, people);
        values[Klom] = AuditValue.Of(people.KlomP95);
        if (people.Epsilon is not { } epsilon)
        {
            foreach (var key in new[] { F, Exposed, MeanEpsilon }) values[key] = AuditValue.None(people.EpsilonMissing!);
            return values;
        }
        values[F] = AuditValue.Of(ForgettingQualityMetric.Quality(people, comparison.Models));
        values[Exposed] = AuditValue.Count(epsilon.Count(d => d.Epsilon > ExposedEpsilon), epsilon.Count);
        values[MeanEpsilon] = AuditValue.Of(ForgettingQualityMetric.MeanOf(people));
        return values;
    }
}
