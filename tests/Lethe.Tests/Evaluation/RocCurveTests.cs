using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

public class RocCurveTests
{
    [Fact]
    public void Should_give_the_auc_of_scikit_learns_documented_example()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.75: of the 4 positive–negative pairs, 3 are ordered right.
        Assert.Equal(0.75, RocCurve.Auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { 0, 0, 1, 1 }, 1.0)]    // every positive above every negative
    [InlineData(new[] { 1.0, 2, 3, 4 }, new[] { 1, 1, 0, 0 }, 0.0)]    // every positive below
    [InlineData(new[] { 1.0, 1, 1, 1 }, new[] { 0, 1, 0, 1 }, 0.5)]    // all tied: each pair counts one half
    [InlineData(new[] { 1.0, 2, 2, 3 }, new[] { 0, 0, 1, 1 }, 0.875)]  // pairs: (2>1) (2=2: ½) (3>1) (3>2) = 3.5/4
    [InlineData(new[] { 5.0, 1, 3 }, new[] { 1, 0, 0 }, 1.0)]          // rows in any order
    public void Should_count_ordered_pairs_with_ties_as_one_half(double[] scores, int[] labels, double auc) =>
        Assert.Equal(auc, RocCurve.Auc(scores, labels), 12);

    [Fact]
    public void Should_agree_with_a_direct_count_of_pairs_on_scores_with_many_ties()
    {
        var random = new Random(7);
        var scores = Enumerable.Range(0, 300).Select(_ => (double)random.Next(20)).ToArray();
        var labels = Enumerable.Range(0, 300).Select(i => (scores[i] + random.Next(12) > 15) ? 1 : 0).ToArray();
        double pairs = 0, wins = 0;
        for (var i = 0; i < scores.Length; i++)
            for (var j = 0; j < scores.Length; j++)
                if (labels[i] == 1 && labels[j] == 0)
                {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }

        Assert.Equal(wins / pairs, RocCurve.Auc(scores, labels), 12);
    }

    [Fact]
    public void Should_give_the_best_tpr_among_points_within_the_false_positive_budget()
    {
        // scikit-learn's roc_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]): fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1].
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        int[] labels = [0, 0, 1, 1];

        Assert.Equal(0.5, RocCurve.TruePositiveRateAt(scores, labels, 0.01));
        Assert.Equal(0.5, RocCurve.TruePositiveRateAt(scores, labels, 0.49));
        Assert.Equal(1.0, RocCurve.TruePositiveRateAt(scores, labels, 0.5));
        Assert.Equal(0.0, RocCurve.TruePositiveRateAt([2.0, 1], [0, 1], 0.01)); // only t = +∞ has FPR 0
    }

    [Fact]
    public void Should_allow_exactly_one_false_positive_in_a_hundred_negatives_at_one_percent()
    {
        // 100 negatives scored 0..99; positives: 3 above them all, 2 between the two highest negatives, 5 low.
        var negatives = Enumerable.Range(0, 100).Select(i => (double)i);
        double[] positives = [200, 201, 202, 98.5, 98.6, 1.5, 2.5, 3.5, 4.5, 5.5];
        var scores = negatives.Concat(positives).ToArray();
        var labels = Enumerable.Repeat(0, 100).Concat(Enumerable.Repeat(1, 10)).ToArray();

        // FPR 0 admits the 3 highest positives; FPR 1/100 (the negative 99) admits 98.5 and 98.6 as well: 5/10.
        Assert.Equal(0.5, RocCurve.TruePositiveRateAt(scores, labels, 0.01));
        Assert.Equal(0.3, RocCurve.TruePositiveRateAt(scores, labels, 0.0));
    }

    [Fact]
    public void Should_count_tied_positives_and_negatives_at_one_threshold()
    {
        // One threshold at 5 takes both tied rows together: FPR jumps to 1/2 with TPR 1, so within 1% only t = +∞ fits.
        Assert.Equal(0.0, RocCurve.TruePositiveRateAt([5.0, 5, 1], [1, 0, 0], 0.01));
        Assert.Equal(0.75, RocCurve.Auc([5.0, 5, 1], [1, 0, 0]));
    }

    [Fact]
    public void Should_refuse_a_single_class_or_a_non_finite_score()
    {
        Assert.Throws<ArgumentException>(() => RocCurve.Auc([1.0, 2], [1, 1]));
        Assert.Throws<ArgumentException>(() => RocCurve.Auc([1.0, double.NaN], [0, 1]));
        Assert.Throws<ArgumentException>(() => RocCurve.TruePositiveRateAt([1.0, 2], [0, 1], 1.5));
    }
}
