using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class ForgettingQualityTests
{
    [Fact]
    public void Should_bucket_every_score_case_like_the_official_scorer()
    {
        // score_cases: one ε vector (bucket edges and just below them) scored for N from 2 to 1097.
        foreach (var scoreCase in EpsilonTestVector.Load().ScoreCases)
        {
            var points = scoreCase.Epsilon.Select(e => ForgettingQuality.Points(e, scoreCase.ModelCount)).ToArray();

            Assert.Equal(scoreCase.PointsEach, points);
            Assert.Equal(scoreCase.ForgetScore, ForgettingQuality.FromEpsilons(scoreCase.Epsilon, scoreCase.ModelCount), 1e-12);
        }
    }

    [Theory]
    [InlineData(2, 0)]    // ln 1 = 0: no bucket, F = 0 whatever ε is
    [InlineData(3, 1)]    // ⌈ln 2⌉ = ⌈0.69⌉
    [InlineData(16, 3)]   // ⌈ln 15⌉ = ⌈2.71⌉
    [InlineData(512, 7)]  // ⌈ln 511⌉ = ⌈6.24⌉
    public void Should_end_the_buckets_at_the_ceiling_of_ln_N_minus_1(int models, double max) =>
        Assert.Equal(max, ForgettingQuality.MaxEpsilon(models));

    [Fact]
    public void Should_report_epsilon_and_F_from_six_models_a_side_and_not_at_five()
    {
        Assert.Equal("F and ε need at least 6 models a side; this audit has 5", ForgettingQuality.Unresolved(5));
        Assert.Null(ForgettingQuality.Unresolved(6));
    }

    [Theory]
    [InlineData(3, 6.0 / 20)]    // 20 orders of 3 + 3; one side contiguous in 4 + 4 of them, 2 counted twice
    [InlineData(5, 10.0 / 252)]  // 4.0%: still one example in 25 at ε = 50 by chance
    [InlineData(6, 12.0 / 924)]  // 1.3%
    public void Should_count_the_orders_in_which_chance_separates_two_identical_pools(int models, double share) =>
        Assert.Equal(share, ForgettingQuality.ChanceCapShare(models), 1e-12);

    [Fact]
    public void Should_find_as_many_examples_at_epsilon_50_by_chance_as_the_count_of_orders_says()
    {
        // 300 examples, 4 models a side, every φ from one normal distribution: 2·4/C(8, 4) = 11.4% expected, sd 1.8%.
        var random = new Random(9);
        var (first, second) = (new double[4, 300], new double[4, 300]);
        for (var m = 0; m < 4; m++)
            for (var e = 0; e < 300; e++)
                (first[m, e], second[m, e]) = (5 * Normal(random), 5 * Normal(random));

        var atCap = ChallengeEpsilon.PerExample(first, second).Count(x => x >= ChallengeEpsilon.Cap) / 300.0;

        Assert.InRange(atCap, ForgettingQuality.ChanceCapShare(4) - 0.05, ForgettingQuality.ChanceCapShare(4) + 0.05);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Should_give_an_edge_to_the_bucket_above_it()
    {
        // N = 16, buckets [0, .5) [.5, 1) … [2.5, 3): ε = 0.5 earns 1/2, ε = 2.5 earns 1/32, ε = 3 earns nothing.
        Assert.Equal(0.5, ForgettingQuality.Points(0.5, 16));
        Assert.Equal(1.0 / 32, ForgettingQuality.Points(2.5, 16));
        Assert.Equal(0, ForgettingQuality.Points(3, 16));
    }

    [Fact]
    public void Should_refuse_no_examples_too_few_models_and_nan()
    {
        Assert.Throws<ArgumentException>(() => ForgettingQuality.FromEpsilons([], 16));
        Assert.Throws<ArgumentException>(() => ForgettingQuality.Points(0, 1));
        Assert.Throws<ArgumentException>(() => ForgettingQuality.Points(double.NaN, 16));
    }
}
