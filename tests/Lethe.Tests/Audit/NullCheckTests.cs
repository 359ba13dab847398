using Lethe.Audit;
using Lethe.Audit.Metrics;

namespace Lethe.Tests.Audit;

public class NullCheckTests
{
    private static double[,] Pool(int models, int examples, Random random, Func<int, double> shift)
    {
        var phi = new double[models, examples];
        for (var m = 0; m < models; m++)
            for (var e = 0; e < examples; e++)
                phi[m, e] = shift(e) + Normal(random);
        return phi;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Should_pass_two_pools_drawn_from_one_distribution()
    {
        // Eight models a side, 200 examples, each example with its own mean: exactly what two halves of a retrained pool are.
        var random = new Random(3);
        var means = Enumerable.Range(0, 200).Select(_ => 4 * Normal(random)).ToArray();

        var check = NullCheck.Judge(8, Pool(8, 200, random, e => means[e]), Pool(8, 200, random, e => means[e]), 16);

        Assert.True(check.Passed, check.Verdict);
        Assert.InRange(check.Scores.Get(ULiraMetric.Auc).Value!.Value, 0.4, 0.6);
        // Two identical pools of 8 do not reach F = 1: the best of thousands of threshold rules finds chance splits.
        Assert.InRange(check.Scores.Get(ForgettingQualityMetric.F).Value!.Value, check.ChanceHalf!.Value - 0.1, check.ChanceHalf.Value + 0.1);
        Assert.InRange(check.ChanceHalf.Value, 0.1, 0.4);
        Assert.InRange(check.ChanceFull!.Value, 0.05, 0.6);
        Assert.Contains($"the best F to expect is {check.ChanceFull:F3}, not 1", check.Verdict);
        Assert.StartsWith("passed", check.Verdict);
    }

    [Fact]
    public void Should_fail_pools_that_differ_and_say_the_scores_are_not_trustworthy()
    {
        var random = new Random(4);

        var check = NullCheck.Judge(8, Pool(8, 200, random, _ => 2.0), Pool(8, 200, random, _ => 0.0), 16);

        Assert.False(check.Passed);
        Assert.True(check.Scores.Get(ULiraMetric.Auc).Value > 0.8);
        Assert.StartsWith("FAILED", check.Verdict);
        Assert.Contains("not trustworthy", check.Verdict);
    }

    [Fact]
    public void Should_pass_pure_noise_at_three_models_a_side_about_as_often_as_its_level_says()
    {
        // The null: 100 audits whose two halves of 3 come from one distribution. 20 ways to choose 3 of 6, and each ties
        // with its swap, so no split's share goes below 2/20 and U-LiRA alone can never fail the check at this size.
        var random = new Random(31);
        var draws = Enumerable.Range(0, 100).Select(_ => NoiseHalves(3, random)).ToArray();
        var aucs = draws.Select(d => ULira.Attack(d.First, d.Second).Pooled.Auc).ToArray();
        var shares = draws.Select((d, i) => NullCheck.SplitPValue(d.First, d.Second, aucs[i])).ToArray();

        Assert.All(shares, p => Assert.True(p >= 2.0 / 20));
        Assert.InRange(aucs.Average(), 0.47, 0.53);
        Assert.Contains("U-LiRA cannot fail this check and only F can", NullCheck.Judge(3, draws[0].First, draws[0].Second, 6).Verdict);
    }

    [Fact]
    public void Should_tell_halves_of_four_apart_when_they_differ_and_never_when_the_auc_is_below_one_half()
    {
        // The positive control: φ of one half 4 standard deviations above the other's. The actual split and its swap
        // are then the two highest AUCs of the 70 ways to choose 4 of 8: p = 2/70.
        var random = new Random(32);
        var differ = NullCheck.Judge(4, Pool(4, 60, random, _ => 4.0), Pool(4, 60, random, _ => 0.0), 8);

        Assert.False(differ.Passed);
        Assert.Equal(2.0 / 70, differ.ULiraSplitP!.Value, 12);
        Assert.DoesNotContain("cannot fail", differ.Verdict);

        // The null at 4 a side: 100 audits; U-LiRA tells at most 13 apart (the binomial's 99.9th percentile at p = 0.05),
        // and none whose AUC is below 0.5.
        var told = Enumerable.Range(0, 100).Select(_ => NoiseHalves(4, random)).Select(d =>
        {
            var auc = ULira.Attack(d.First, d.Second).Pooled.Auc;
            return (Auc: auc, Told: NullCheck.ULiraTellsApart(auc, NullCheck.SplitPValue(d.First, d.Second, auc)));
        }).ToArray();
        Assert.InRange(told.Count(t => t.Told), 0, 13);
        Assert.Contains(told, t => t.Auc < 0.5);
        Assert.DoesNotContain(told, t => t.Auc < 0.5 && t.Told);
    }

    private static (double[,] First, double[,] Second) NoiseHalves(int half, Random random)
    {
        var means = Enumerable.Range(0, 60).Select(_ => 4 * Normal(random)).ToArray();
        return (Pool(half, 60, random, e => means[e]), Pool(half, 60, random, e => means[e]));
    }

    [Fact]
    public void Should_rank_one_original_above_every_retrained_model_when_it_memorised()
    {
        // Hand-worked: 3 retrained models, 2 examples. Example 0: the Original's φ 5 beats all (p = 1/4); example 1:
        // φ 0 is beaten or tied by 2 of 3 (p = 3/4). Mean p = ½, above all on half the examples.
        var one = new double[,] { { 5, 0 } };
        var retrained = new double[,] { { 1, 0 }, { 2, 1 }, { 3, -1 } };

        var (meanP, aboveAll) = OriginalCheck.Rank(one, retrained);

        Assert.Equal(0.5, meanP, 12);
        Assert.Equal(0.5, aboveAll, 12);
    }
}
