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
