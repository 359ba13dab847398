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
