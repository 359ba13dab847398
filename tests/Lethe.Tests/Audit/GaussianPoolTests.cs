using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class GaussianPoolTests
{
    [Fact]
    public void Should_leave_one_out_exactly_as_a_fit_to_the_others()
    {
        double[] phi = [10.3, 9.7, 10.05, 11.2, 8.9, 10.0];
        var pool = new GaussianPool(phi, 1e-6);

        for (var i = 0; i < phi.Length; i++)
        {
            var others = phi.Where((_, j) => j != i).ToArray();
            var mean = others.Average();
            var variance = others.Sum(x => (x - mean) * (x - mean)) / (others.Length - 1);

            var fit = pool.Without(phi[i]);

            Assert.Equal(mean, fit.Mean, 1e-12);
            Assert.Equal(variance, fit.Variance, 1e-12);
        }
    }

    [Fact]
    public void Should_fit_the_unbiased_variance_and_floor_it()
    {
        // {1, 2, 3}: μ = 2, squares 2, σ² = 2/(3 − 1) = 1. A constant pool gets the floor.
        Assert.Equal(new Gaussian(2, 1), new GaussianPool([1.0, 2.0, 3.0], 1e-6).All());
        Assert.Equal(new Gaussian(5, 0.25), new GaussianPool([5.0, 5.0, 5.0], 0.25).All());
        Assert.Equal(0.25, new GaussianPool([5.0, 5.0, 5.0], 0.25).Without(5).Variance);
    }

    [Fact]
    public void Should_give_the_normal_log_density()
    {
        // N(1; 0, 4): −½(ln 2π + ln 4 + 1/4).
        Assert.Equal(-0.5 * (Math.Log(2 * Math.PI) + Math.Log(4) + 0.25), new Gaussian(0, 4).LogDensity(1), 1e-14);
    }
}
