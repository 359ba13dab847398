using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class AttackMetricsTests
{
    [Fact]
    public void Should_count_ties_as_half_and_never_split_them()
    {
        // Positives {1, 1, 0}, negatives {1, 0, −1}. Pairs: each positive 1 beats 0 and −1 and ties 1 (2.5 each); the
        // positive 0 beats −1 and ties 0 (1.5): AUC = 6.5/9. Score > 0 keeps 2 positives and 2 negatives right: 2/3.
        // The highest threshold, 1, already takes a negative along with both positive 1s, so no threshold has FPR 0
        // and TPR > 0.
        var metrics = AttackMetrics.Of([1.0, 1.0, 0.0], [1.0, 0.0, -1.0]);

        Assert.Equal(6.5 / 9, metrics.Auc, 1e-12);
        Assert.Equal(2.0 / 3, metrics.BalancedAccuracy, 1e-12);
        Assert.Equal(0, metrics.TprAt1PercentFpr);
        Assert.Equal(0, metrics.TprAtTenthPercentFpr);
        // Corners (0,0) (1/3,2/3) (2/3,1) (1,1): the best balanced accuracy is (2/3 + 2/3)/2.
        Assert.Equal(2.0 / 3, metrics.BestBalancedAccuracy, 1e-12);
    }

    [Fact]
    public void Should_reach_one_on_separated_scores_and_one_half_on_equal_ones()
    {
        var separated = AttackMetrics.Of([2.0, 3.0], [-1.0, -0.5]);
        var equal = AttackMetrics.Of([0.0, 0.0], [0.0, 0.0]);

        Assert.Equal((1.0, 1.0, 1.0, 1.0), (separated.Auc, separated.BalancedAccuracy, separated.BestBalancedAccuracy, separated.TprAt1PercentFpr));
        Assert.Equal((0.5, 0.5, 0.5, 0.0), (equal.Auc, equal.BalancedAccuracy, equal.BestBalancedAccuracy, equal.TprAt1PercentFpr));
    }

    [Fact]
    public void Should_refuse_a_missing_class_and_nan() =>
        Assert.Throws<ArgumentException>(() => AttackMetrics.Of([1.0], []));
}
