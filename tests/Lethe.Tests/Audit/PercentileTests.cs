using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class PercentileTests
{
    [Fact]
    public void Should_match_numpy_s_95th_percentile_of_the_vector()
    {
        var (values, p95) = KlomTestVector.Load().PercentileCase;

        Assert.Equal(p95, Percentile.Linear(values, 95), 1e-12);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(100, 9.0)]
    [InlineData(50, 4.0)]   // index 0.5·3 = 1.5: halfway between 3 and 5
    [InlineData(95, 8.4)]   // index 0.95·3 = 2.85: 5 + 0.85·(9 − 5)
    public void Should_interpolate_between_order_statistics(double percent, double expected) =>
        Assert.Equal(expected, Percentile.Linear([9.0, 1.0, 5.0, 3.0], percent), 1e-12);

    [Fact]
    public void Should_refuse_no_values_nan_and_percents_out_of_range()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Linear([], 50));
        Assert.Throws<ArgumentException>(() => Percentile.Linear([double.NaN], 50));
        Assert.Throws<ArgumentException>(() => Percentile.Linear([1.0], 101));
    }
}
