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
