using Lethe.Audit;
using Lethe.Audit.Metrics;

namespace Lethe.Tests.Audit.Metrics;

public class KlomSaturationTests
{
    private static Dictionary<string, AuditValue> Scores(double forget, double retain) => new()
    {
        [KlomMetric.Forget] = AuditValue.Of(forget),
        [KlomMetric.Retain] = AuditValue.Of(retain),
        [ForgettingQualityMetric.F] = AuditValue.Of(0.2),
    };

    [Fact]
    public void Should_blank_every_KLoM_of_a_kind_the_null_row_itself_saturates_its_own_included()
    {
        // Halves of 8 at N = 16: the null row's forget KLoM is at the cap, its retain KLoM is not.
        var nullRow = Scores(Klom.Cap, 6.0);
        var saturation = KlomSaturation.Of(nullRow, 8, 16);

        var method = saturation.Apply(Scores(4.2, 5.1), 16);
        var self = saturation.Apply(nullRow, 8);

        var why = "KLoM saturated: the null row itself reaches the cap 11.51 at N = 16 (11.51 between halves of 8, above 9.96: their binned φ "
            + "do not overlap), so KLoM cannot tell a method from chance at this N";
        Assert.Equal(AuditValue.None(why), method[KlomMetric.Forget]);
        Assert.Equal(AuditValue.None(why), self[KlomMetric.Forget]);
        Assert.Equal(5.1, method[KlomMetric.Retain].Value);
        Assert.Equal(0.2, method[ForgettingQualityMetric.F].Value);
    }

    [Fact]
    public void Should_count_a_null_row_above_the_most_a_shared_bin_allows_as_saturated()
    {
        var most = Klom.MostWithOverlap(8);

        Assert.Equal("KLoM saturated: the null row itself reaches the cap 11.51 at N = 16 (10.00 between halves of 8, above 9.96: their binned φ "
            + "do not overlap), so KLoM cannot tell a method from chance at this N", KlomSaturation.Of(Scores(10.0, 0), 8, 16).Saturated(KlomMetric.Forget));
        Assert.Null(KlomSaturation.Of(Scores(most, 0), 8, 16).Saturated(KlomMetric.Forget));
    }

    [Fact]
    public void Should_keep_a_methods_KLoM_at_the_cap_with_a_note_when_the_null_row_stays_below_it()
    {
        var saturation = KlomSaturation.Of(Scores(9.1, 6.0), 8, 16);

        var method = saturation.Apply(Scores(Klom.Cap, 5.1), 16);

        Assert.Equal(Klom.Cap, method[KlomMetric.Forget].Value);
        Assert.Equal("at cap: above 10.73, the most KLoM reaches with 16 models a side while a bin holds φ of both pools, so their binned φ "
            + "do not overlap (the cap is 11.51 = −ln 1e-5); the null row stays below it, so this is worse than chance reaches at this N",
            method[KlomMetric.Forget].Note);
        Assert.Null(method[KlomMetric.Retain].Note);
    }

    [Fact]
    public void Should_leave_the_values_and_their_own_reasons_alone_when_the_null_row_has_no_KLoM()
    {
        var saturation = KlomSaturation.Of(new Dictionary<string, AuditValue>(), 8, 16);
        var diverged = new Dictionary<string, AuditValue> { [KlomMetric.Forget] = AuditValue.None(MethodAudit.Diverged) };

        Assert.Equal(4.2, saturation.Apply(Scores(4.2, 5.1), 16)[KlomMetric.Forget].Value);
        Assert.Equal(MethodAudit.Diverged, KlomSaturation.Of(Scores(Klom.Cap, 0), 8, 16).Apply(diverged, 16)[KlomMetric.Forget].Missing);
    }
}
