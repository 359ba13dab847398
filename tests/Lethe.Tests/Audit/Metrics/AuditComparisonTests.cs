using Lethe.Audit;
using Lethe.Audit.Metrics;

namespace Lethe.Tests.Audit.Metrics;

/// <summary>Each many-model score exists from the pool size that supports it, and is missing with the reason below it.</summary>
public class AuditComparisonTests
{
    private static IReadOnlyDictionary<string, AuditValue> Measure(int models, int? auditModels = null)
    {
        // Two people of three images each, φ from one distribution on both sides.
        var random = new Random(models);
        var (unlearned, retrained) = (new double[models, 6], new double[models, 6]);
        for (var m = 0; m < models; m++)
            for (var e = 0; e < 6; e++)
                (unlearned[m, e], retrained[m, e]) = (4 * random.NextDouble(), 4 * random.NextDouble());
        string[] images = ["a", "b", "c", "d", "e", "f"], people = ["p", "p", "p", "q", "q", "q"];
        return AuditMetricRegistry.MeasureAll(AuditComparison.Of(unlearned, retrained, images, people, auditModels: auditModels));
    }

    private static readonly string[] EpsilonKeys =
    [
        ForgettingQualityMetric.F, ForgettingQualityMetric.MeanEpsilon, ForgettingQualityMetric.Final,
        IdentityMetric.F, IdentityMetric.Exposed, IdentityMetric.MeanEpsilon,
    ];

    [Fact]
    public void Should_leave_F_and_epsilon_missing_at_five_models_a_side_and_score_them_at_six()
    {
        var five = Measure(5);
        var six = Measure(6);

        Assert.All(EpsilonKeys, key => Assert.Equal("F and ε need at least 6 models a side; this audit has 5", five.Get(key).Missing));
        Assert.All(EpsilonKeys.Except([ForgettingQualityMetric.Final]), key => Assert.NotNull(six.Get(key).Value));
        // The final score needs the models' accuracies, which φ alone does not give.
        Assert.Equal(AuditComparison.NoResults, six.Get(ForgettingQualityMetric.Final).Missing);
        // U-LiRA and KLoM do not wait for ε.
        Assert.NotNull(five.Get(ULiraMetric.Auc).Value);
        Assert.NotNull(five.Get(KlomMetric.Forget).Value);
    }

    [Fact]
    public void Should_score_F_on_halves_of_three_read_at_the_audits_N_of_six()
    {
        // The null check's halves are the chance level F is read against: an audit of 6 reports them.
        Assert.NotNull(Measure(3, auditModels: 6).Get(ForgettingQualityMetric.F).Value);
        Assert.Equal("F and ε need at least 6 models a side; this audit has 5", Measure(3, auditModels: 5).Get(ForgettingQualityMetric.F).Missing);
    }

    [Fact]
    public void Should_leave_ULiRA_missing_at_two_models_a_side_and_run_it_at_three()
    {
        var two = Measure(2);
        var three = Measure(3);

        var why = "U-LiRA needs at least 3 models a side (each Gaussian is fitted to its pool less one model); this comparison has 2";
        Assert.All(AuditMetricRegistry.Rows.Where(r => r.Key.StartsWith(ULiraMetric.Prefix) || r.Key.StartsWith(IdentityMetric.ULiraPrefix)),
            row => Assert.Equal(why, two.Get(row.Key).Missing));
        Assert.NotNull(three.Get(ULiraMetric.Auc).Value);
        Assert.NotNull(three.Get(IdentityMetric.ULiraPrefix + "auc").Value);
        // KLoM needs one model a side: two pools of two still have one.
        Assert.NotNull(two.Get(KlomMetric.Forget).Value);
    }
}
