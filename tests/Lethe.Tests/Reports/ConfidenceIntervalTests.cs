using Lethe.Reports;
using Lethe.Numerics;

namespace Lethe.Tests.Reports;

public class ConfidenceIntervalTests
{
    [Fact]
    public void Should_give_the_mean_and_the_student_t_half_width_of_three_values()
    {
        var ci = ConfidenceInterval.Of([0.2, 0.4, 0.6])!;

        Assert.Equal(0.4, ci.Mean, 12);
        Assert.Equal(0.2, ci.StandardDeviation!.Value, 12);
        Assert.Equal(4.303 * 0.2 / Math.Sqrt(3), ci.HalfWidth!.Value, 12); // 0.49687
        Assert.Equal(0.49687, ci.HalfWidth.Value, 5);
        Assert.Equal(3, ci.Count);
        Assert.Equal("0.4000 ± 0.4969", ci.Format("F4"));
    }

    [Fact]
    public void Should_use_one_degree_of_freedom_for_two_values()
    {
        var ci = ConfidenceInterval.Of([1.0, 3.0])!;

        Assert.Equal(2, ci.Mean, 12);
        Assert.Equal(Math.Sqrt(2), ci.StandardDeviation!.Value, 12);
        Assert.Equal(12.706, ci.HalfWidth!.Value, 12); // 12.706 · √2 / √2
        Assert.Equal(2 - 12.706, ci.Lower!.Value, 12);
    }

    [Fact]
    public void Should_show_one_value_as_its_mean_without_an_interval()
    {
        var ci = ConfidenceInterval.Of([0.5123])!;

        Assert.Null(ci.HalfWidth);
        Assert.Null(ci.StandardDeviation);
        Assert.Equal("0.5123", ci.Format("F4"));
    }

    [Fact]
    public void Should_leave_out_values_that_are_not_finite()
    {
        var ci = ConfidenceInterval.Of([0.2, double.NaN, 0.4, 0.6])!;

        Assert.Equal(3, ci.Count);
        Assert.Equal(0.4, ci.Mean, 12);
        Assert.Null(ConfidenceInterval.Of([double.NaN]));
        Assert.Null(ConfidenceInterval.Of([]));
    }
}
