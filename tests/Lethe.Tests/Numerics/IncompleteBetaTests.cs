using Lethe.Numerics;

namespace Lethe.Tests.Numerics;

public class IncompleteBetaTests
{
    [Fact]
    public void Should_give_ln_gamma_at_known_points()
    {
        // Γ(½) = √π, Γ(10) = 9! = 362880, Γ(0.1) = 9.513507698668732 (by reflection), Γ(1) = Γ(2) = 1.
        Assert.Equal(0.5 * Math.Log(Math.PI), IncompleteBeta.LogGamma(0.5), 1e-14);
        Assert.Equal(Math.Log(362880), IncompleteBeta.LogGamma(10), 1e-13);
        Assert.Equal(Math.Log(9.513507698668732), IncompleteBeta.LogGamma(0.1), 1e-13);
        Assert.Equal(0, IncompleteBeta.LogGamma(1), 1e-14);
        Assert.Equal(0, IncompleteBeta.LogGamma(2), 1e-14);
    }

    [Fact]
    public void Should_give_the_closed_forms_of_the_regularised_incomplete_beta()
    {
        // I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, I_½(a, a) = ½.
        foreach (var x in new[] { 0.01, 0.3, 0.7, 0.99 })
        {
            Assert.Equal(Math.Pow(x, 3.5), IncompleteBeta.Regularized(x, 3.5, 1), 1e-14);
            Assert.Equal(1 - Math.Pow(1 - x, 2.5), IncompleteBeta.Regularized(x, 1, 2.5), 1e-14);
        }
        Assert.Equal(0.5, IncompleteBeta.Regularized(0.5, 7, 7), 1e-14);
        Assert.Equal(0.5, IncompleteBeta.Regularized(0.5, 5000, 5000), 1e-10);
        Assert.Equal((0.0, 1.0), (IncompleteBeta.Regularized(0, 2, 3), IncompleteBeta.Regularized(1, 2, 3)));
    }
}
