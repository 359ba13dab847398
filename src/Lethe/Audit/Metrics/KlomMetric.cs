namespace Lethe.Audit.Metrics;

/// <summary>
/// EasyDUB's KLoM (<see cref="Audit.Klom"/>): the 95th percentile over a set's images of the KL divergence between the
/// binned φ of the two pools, in nats (0 = same), on forget, retain and unseen. Retain and unseen have no identities
/// scored, so only forget has a per-identity KLoM (<see cref="IdentityMetric"/>).
/// </summary>
public sealed class KlomMetric : IAuditMetric
{
    public const string Forget = "klom/forget";
    public const string Retain = "klom/retain";
    public const string Unseen = "klom/unseen";

    public string Name => "klom";

    public IReadOnlyList<AuditRow> Rows { get; } =
    [
        new(Forget, "KLoM95 forget"),
        new(Retain, "KLoM95 retain"),
        new(Unseen, "KLoM95 unseen"),
    ];

    public IReadOnlyDictionary<string, AuditValue> Measure(AuditComparison comparison)
    {
        if (comparison.Forget is not { PerImage.KlomP95: var forget }) return AuditValues.AllNone(Rows, comparison.Unscored!);
        return new Dictionary<string, AuditValue>
        {
            [Forget] = AuditValue.Of(forget),
            [Retain] = Of(comparison.Retain, "retain"),
            [Unseen] = Of(comparison.Unseen, "unseen"),
        };
    }

    private static AuditValue Of(PhiPair? phi, string set)
    {
        if (phi is null) return AuditValue.None($"no {set} φ given");
        try
        {
            return AuditValue.Of(Klom.Summary(Klom.PerExample(phi.Unlearned, phi.Retrained)));
        }
        catch (ArgumentException e)
        {
            return AuditValue.None(e.Message);
        }
    }
}
