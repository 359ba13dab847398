using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class ScoreDistributionTests
{
    private static readonly ScoreDistribution Epsilons =
        ScoreDistribution.Of([0.2, 50, 1.5, 0.0, 3.0], ["ann", "bob", "cy", "dee", "eve"]);

    [Fact]
    public void Should_keep_every_value_sorted_with_its_name()
    {
        Assert.Equal([0.0, 0.2, 1.5, 3.0, 50], Epsilons.Values);
        Assert.Equal(["dee", "ann", "cy", "eve", "bob"], Epsilons.Names);
        Assert.Equal(5, Epsilons.Count);
        Assert.Equal(54.7 / 5, Epsilons.Mean, 1e-12);
    }

    [Fact]
    public void Should_give_numpy_quantiles_counts_above_and_the_most_exposed()
    {
        // Index q·4: the median is the third value; q = 0.9 is 3.6, so 3 + 0.6·(50 − 3) = 31.2.
        Assert.Equal(1.5, Epsilons.Quantile(0.5));
        Assert.Equal(31.2, Epsilons.Quantile(0.9), 1e-12);
        Assert.Equal(50, Epsilons.Quantile(1));
        Assert.Equal(3, Epsilons.CountAbove(0.5));
        Assert.Equal(2, Epsilons.CountAbove(1.5));
        Assert.Equal([("bob", 50.0), ("eve", 3.0)], Epsilons.Highest(2));
        Assert.Equal(5, Epsilons.Highest(9).Count);
    }

    [Fact]
    public void Should_refuse_mismatched_names_nan_and_bad_quantiles()
    {
        Assert.Throws<ArgumentException>(() => ScoreDistribution.Of([1.0], []));
        Assert.Throws<ArgumentException>(() => ScoreDistribution.Of([double.NaN], ["a"]));
        Assert.Throws<ArgumentException>(() => Epsilons.Quantile(1.5));
    }
}
