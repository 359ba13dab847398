namespace Lethe.Tests.Support;

public class KolmogorovSmirnovTests
{
    [Fact]
    public void Should_give_the_statistic_worked_by_hand()
    {
        // {0.1, 0.5, 0.9}: i/n − u = 0.233, 0.167, 0.1 and u − (i − 1)/n = 0.1, 0.167, 0.233, so D = 0.7/3.
        Assert.Equal(0.7 / 3, KolmogorovSmirnov.UniformStatistic([0.9, 0.1, 0.5]), 1e-15);
        // Stephens: 1.6276 / (√200 + 0.12 + 0.11/√200) = 0.1141, a little under the asymptotic 1.6276/√200 = 0.1151.
        Assert.Equal(0.1141, KolmogorovSmirnov.Critical01(200), 1e-4);
    }

    [Fact]
    public void Should_reject_values_that_are_not_uniform()
    {
        // u² for u uniform has CDF √x, furthest from x at x = 1/4, by 1/4: D ≈ 0.25, twice the critical value.
        var random = new Random(1);
        var squares = Enumerable.Range(0, 200).Select(_ => Math.Pow(random.NextDouble(), 2));

        Assert.True(KolmogorovSmirnov.UniformStatistic(squares) > KolmogorovSmirnov.Critical01(200));
    }
}
