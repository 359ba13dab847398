using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

/// <summary>
/// The attack against scikit-learn 1.2.1 on the shared vectors, fed scikit-learn's own splits. lbfgs stops at tol 1e-4,
/// so its coefficients are within about 1e-4 of the true optimum that Newton reaches; test accuracies are counts over
/// the same rows and must match exactly.
/// </summary>
public class MembershipInferenceReferenceTests
{
    private const double CoefficientTolerance = 1e-4;

    [Theory]
    [InlineData("mia_memorised.json")]
    [InlineData("mia_forgotten.json")]
    [InlineData("mia_inverted.json")]
    public void Should_reproduce_scikit_learn_fits_accuracies_and_scores(string file)
    {
        var vector = MiaTestVector.Load(TestVectorFolder.Require(file));
        var splits = vector.Splits.Select(s => s.Split).ToArray();

        var result = MembershipInference.Evaluate(vector.Features, vector.Labels, splits);

        Assert.True(result.FullFit.Converged);
        Assert.Equal(vector.FullCoefficient, result.FullFit.Coefficients[0], CoefficientTolerance);
        Assert.Equal(vector.FullIntercept, result.FullFit.Intercept, CoefficientTolerance);
        for (var s = 0; s < splits.Length; s++)
        {
            Assert.True(result.SplitFits[s].Converged, $"split {s} did not converge");
            Assert.Equal(vector.Splits[s].Coefficient, result.SplitFits[s].Coefficients[0], CoefficientTolerance);
            Assert.Equal(vector.Splits[s].Intercept, result.SplitFits[s].Intercept, CoefficientTolerance);
            Assert.Equal(vector.Splits[s].Accuracy, result.SplitAccuracies[s]);
        }
        // numpy's mean sums in another order, so allow a few ulps.
        Assert.Equal(vector.MeanAccuracy, result.AttackAccuracy, 1e-12);
        Assert.Equal(vector.ForgettingScore, result.ForgettingScore, 1e-12);
        Assert.Equal(vector.Labels.Count(y => y == 1), result.ForgetCount);
        Assert.Equal(vector.Labels.Count(y => y == 0), result.UnseenCount);
    }

    [Fact]
    public void Should_use_test_sizes_of_ceil_one_tenth_like_the_reference_splits()
    {
        var vector = MiaTestVector.Load(TestVectorFolder.Require("mia_memorised.json"));
        Assert.All(vector.Splits, s => Assert.Equal(StratifiedShuffleSplit.TestSize(vector.Labels.Length, 0.1), s.Split.Test.Count));
    }
}
