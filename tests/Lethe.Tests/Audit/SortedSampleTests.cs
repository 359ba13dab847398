using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class SortedSampleTests
{
    private static readonly SortedSample Sample = new([3.0, 1.0, 2.0, 2.0, 5.0, 4.0]);

    [Fact]
    public void Should_give_numpy_s_median_range_and_ends()
    {
        // Sorted 1 2 2 3 4 5: even count, so the median is (2 + 3)/2.
        Assert.Equal(2.5, Sample.Median);
        Assert.Equal(1, Sample.Min);
        Assert.Equal(5, Sample.Max);
        Assert.Equal(4, Sample.Range);
        Assert.Equal(2, new SortedSample([7.0, 2.0, 1.0]).Median);
    }

    [Fact]
    public void Should_count_strictly_below_and_at_most_with_ties()
    {
        Assert.Equal(1, Sample.CountBelow(2));
        Assert.Equal(3, Sample.CountAtMost(2));
        Assert.Equal(0, Sample.CountBelow(1));
        Assert.Equal(6, Sample.CountAtMost(5));
    }

    [Fact]
    public void Should_count_below_each_threshold_in_any_order()
    {
        var counts = new int[5];

        Sample.CountBelowEach([0.5, 2.0, 2.5, 6.0, 1.5], counts);

        Assert.Equal([0, 1, 3, 6, 1], counts);
    }
}
