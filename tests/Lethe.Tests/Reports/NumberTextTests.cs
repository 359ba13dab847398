using Lethe.Reports;
using Lethe.Numerics;

namespace Lethe.Tests.Reports;

public class NumberTextTests
{
    [Theory]
    [InlineData(0.47758, "F4", "0.4776")]
    [InlineData(double.NaN, "F4", "–")]
    [InlineData(double.PositiveInfinity, "F1", "–")]
    [InlineData(null, "F4", "–")]
    public void Should_show_fixed_digits_or_a_dash_where_the_number_does_not_exist(double? value, string format, string expected) =>
        Assert.Equal(expected, NumberText.Of(value, format));

    [Theory]
    [InlineData(2086.0 / 11180616, 4, "0.0187%")]
    [InlineData(0.5, 0, "50%")]
    [InlineData(1.0, 1, "100.0%")]
    [InlineData(double.NaN, 2, "–")]
    [InlineData(null, 0, "–")]
    public void Should_show_a_fraction_as_a_percentage_without_the_invariant_cultures_space(double? fraction, int decimals, string expected) =>
        Assert.Equal(expected, NumberText.Percent(fraction, decimals));
}
