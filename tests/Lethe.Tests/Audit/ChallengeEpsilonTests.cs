using Lethe.Audit;

namespace Lethe.Tests.Audit;

/// <summary>
/// ε against the official scorer's outputs (epsilon_score.json). Its README's tolerance: each ε within 1e-5 (the
/// official rates and logs are float32), exactly 0 or 50 where those are expected, and F to 1e-12 (no ε lies within
/// 1e-3 of a bucket edge).
/// </summary>
public class ChallengeEpsilonTests
{
    private static readonly Lazy<EpsilonTestVector> Vector = new(EpsilonTestVector.Load);

    public static TheoryData<string> CaseNames() => new(
        "basic_n8", "basic_n16", "basic_n32", "official_n512", "special_n16", "ties_n8", "all_identical_n16", "all_separated_n16");

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_match_the_official_epsilon_and_forgetting_quality(string name)
    {
        var vector = Vector.Value;
        var testCase = vector.Cases.Single(c => c.Name == name);

        var epsilon = ChallengeEpsilon.PerExample(testCase.Unlearned, testCase.Retrained);
        var quality = ForgettingQuality.FromEpsilons(epsilon, testCase.Unlearned.GetLength(0));

        for (var i = 0; i < epsilon.Length; i++)
        {
            var expected = testCase.Epsilon[i];
            if (expected is 0 or ChallengeEpsilon.Cap) Assert.Equal(expected, epsilon[i]);
            else Assert.True(Math.Abs(expected - epsilon[i]) <= 1e-5, $"{name} {testCase.Labels[i]}: {epsilon[i]} vs {expected}");
        }
        Assert.Equal(testCase.ForgetScore, quality, 1e-12);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{name}: max |Δε| = {epsilon.Zip(testCase.Epsilon, (a, b) => Math.Abs(a - b)).Max():E2}, |ΔF| = {Math.Abs(quality - testCase.ForgetScore):E2}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_take_the_route_sides_and_grid_sizes_of_the_vectors_re_derivation(string name)
    {
        // Not official output: the vector's own re-derivation, which pins the tie rules and grid sizes one by one.
        var testCase = Vector.Value.Cases.Single(c => c.Name == name);

        var derivations = ChallengeEpsilon.Derive(testCase.Unlearned, testCase.Retrained);

        for (var i = 0; i < derivations.Length; i++)
        {
            var (derived, mine) = (testCase.Derived[i], derivations[i]);
            var where = $"{name} {testCase.Labels[i]}";
            Assert.True(derived.Route == RouteName(mine.Route), $"{where}: route {mine.Route}, expected {derived.Route}");
            Assert.True(derived.PositiveSide == SideName(mine.PositiveSide), $"{where}: positive {mine.PositiveSide}");
            Assert.True(derived.NarrowSide == SideName(mine.NarrowSide), $"{where}: narrow {mine.NarrowSide}");
            if (mine.Route == EpsilonRoute.RangeGuard) continue;
            Assert.Equal(derived.OneSidedCount, mine.OneSidedRuleCount);
            Assert.Equal(derived.RightEdgeCount, mine.RightEdgeCount);
        }
    }

    [Fact]
    public void Should_refuse_an_example_where_both_sides_are_one_constant_and_name_it()
    {
        // Both sides 0.75 for every model: every rule has a zero error rate on one side, so none survives and the
        // official scorer fails (an empty reduction). Lethe refuses it with the example's index rather than invent ε.
        var (unlearned, retrained) = Vector.Value.ErrorCase;

        var error = Assert.Throws<ArgumentException>(() => ChallengeEpsilon.PerExample(unlearned, retrained));

        Assert.Contains("example 0", error.Message);
        Assert.Contains("same φ = 0.75", error.Message);
    }

    [Fact]
    public void Should_name_the_failing_column_among_good_ones()
    {
        var unlearned = new double[,] { { 0.1, 2.0 }, { 0.4, 2.0 }, { 0.2, 2.0 } };
        var retrained = new double[,] { { 0.3, 2.0 }, { 0.0, 2.0 }, { 0.5, 2.0 } };

        var error = Assert.Throws<ArgumentException>(() => ChallengeEpsilon.PerExample(unlearned, retrained));

        Assert.Contains("example 1", error.Message);
    }

    [Fact]
    public void Should_refuse_pools_of_other_shapes_and_non_finite_phi()
    {
        Assert.Throws<ArgumentException>(() => ChallengeEpsilon.PerExample(new double[3, 2], new double[4, 2]));
        Assert.Throws<ArgumentException>(() => ChallengeEpsilon.PerExample(new double[1, 2], new double[1, 2]));
        var withNaN = new double[,] { { 0, 1 }, { double.NaN, 2 } };
        var error = Assert.Throws<ArgumentException>(() => ChallengeEpsilon.PerExample(withNaN, new double[2, 2]));
        Assert.Contains("model 1 on example 0", error.Message);
    }

    private static string RouteName(EpsilonRoute route) => route switch
    {
        EpsilonRoute.RangeGuard => "range_guard",
        EpsilonRoute.Separable => "separable",
        _ => "computed",
    };

    private static string SideName(ModelPool side) => side == ModelPool.Unlearned ? "unlearned" : "retrained";
}
