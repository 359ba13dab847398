using Lethe.Reports;
using Lethe.Numerics;

namespace Lethe.Tests.Reports;

public class StudentTTests
{
    [Fact]
    public void Should_match_a_numerical_integration_of_the_t_density_for_every_tabled_degree_of_freedom()
    {
        for (int dof = 1; dof <= 30; dof++)
        {
            double q = StudentT.Quantile975(dof);

            // P(-q < T < q) with t = √ν·tan θ: the density becomes cos^(ν−1) θ on [0, π/2), which Simpson's rule integrates well.
            double covered = Simpson(dof, Math.Atan(q / Math.Sqrt(dof))) / Simpson(dof, Math.PI / 2);

            Assert.True(Math.Abs(covered - 0.95) < 1e-4, $"dof {dof}: {q} covers {covered}");
        }
    }

    [Fact]
    public void Should_use_the_normal_limit_past_thirty_degrees_of_freedom()
    {
        Assert.Equal(2.042, StudentT.Quantile975(30));
        Assert.Equal(1.96, StudentT.Quantile975(31));
        Assert.Equal(1.96, StudentT.Quantile975(1000));
    }

    [Fact]
    public void Should_refuse_zero_degrees_of_freedom() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile975(0));

    [Fact]
    public void Should_give_the_closed_form_tails_of_one_and_two_degrees_of_freedom()
    {
        // ν = 1 is Cauchy: P(T > t) = ½ − atan(t)/π. ν = 2: P(T > t) = ½ − t / (2√(2 + t²)).
        foreach (var t in new[] { -3.0, -0.5, 0, 0.3, 1, 4, 50, 1e4 })
        {
            Assert.Equal(0.5 - Math.Atan(t) / Math.PI, StudentT.UpperTail(t, 1), 1e-13);
            Assert.Equal(0.5 - t / (2 * Math.Sqrt(2 + t * t)), StudentT.UpperTail(t, 2), 1e-13);
        }
        // Far in the tail the error is relative: ν = 2, t = 1e4 gives 1/(2t²)·(1 − 3/(2t²)…) ≈ 5e-9.
        var far = 0.5 * (1 - 1e4 / Math.Sqrt(2 + 1e8));
        Assert.Equal(1, StudentT.UpperTail(1e4, 2) / far, 1e-6);
    }

    [Fact]
    public void Should_put_two_and_a_half_percent_above_each_tabled_quantile()
    {
        // The table's three decimals move the tail by at most density × 0.0005 < 3e-5.
        for (int dof = 1; dof <= 30; dof++)
            Assert.True(Math.Abs(StudentT.UpperTail(StudentT.Quantile975(dof), dof) - 0.025) < 5e-5, $"dof {dof}");
    }

    [Fact]
    public void Should_match_the_t_density_integrated_numerically_and_approach_the_normal_tail()
    {
        foreach (var (t, dof) in new[] { (0.7, 3), (2.5, 7), (4.0, 19), (3.1, 39) })
        {
            double above = 0.5 - 0.5 * Simpson(dof, Math.Atan(t / Math.Sqrt(dof))) / Simpson(dof, Math.PI / 2);
            Assert.Equal(above, StudentT.UpperTail(t, dof), 1e-9);
        }
        // 1 − Φ(1.959963984540054) = 0.025 and 1 − Φ(3) = 0.0013498980316301; ν = 10⁶ is within 1e-6 of the normal.
        Assert.Equal(0.025, StudentT.UpperTail(1.959963984540054, 1e6), 1e-6);
        Assert.Equal(0.0013498980316301, StudentT.UpperTail(3, 1e6), 1e-6);
        Assert.Equal(0.5, StudentT.UpperTail(0, 5));
        Assert.Equal(0.0, StudentT.UpperTail(double.PositiveInfinity, 5));
        Assert.Equal(1.0, StudentT.UpperTail(double.NegativeInfinity, 5));
    }

    [Fact]
    public void Should_refuse_a_tail_without_degrees_of_freedom()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.UpperTail(1, 0));
        Assert.Throws<ArgumentException>(() => StudentT.UpperTail(double.NaN, 3));
    }

    private static double Simpson(int dof, double upper, int steps = 4000)
    {
        double h = upper / steps, sum = 0;
        for (int i = 0; i <= steps; i++)
        {
            double weight = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            sum += weight * Math.Pow(Math.Cos(i * h), dof - 1);
        }
        return sum * h / 3;
    }
}
