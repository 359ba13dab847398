using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class ChallengeScoreTests
{
    [Theory]
    [InlineData("basic_n16")]
    [InlineData("official_n512")]
    public void Should_match_main_py_final_score_to_1e_9_relative(string name)
    {
        var testCase = EpsilonTestVector.Load().Cases.Single(c => c.Name == name);
        var utility = testCase.Utility!;

        var score = ChallengeScore.Of(testCase.ForgetScore,
            utility.UnlearnedRetain, utility.UnlearnedTest, utility.RetrainedRetain, utility.RetrainedTest);

        var relative = Math.Abs(score.Final - utility.FinalScore) / utility.FinalScore;
        Assert.True(relative <= 1e-9, $"{score.Final} vs {utility.FinalScore}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: final score relative deviation {relative:E2}");
    }

    [Fact]
    public void Should_multiply_F_by_both_uncapped_ratios()
    {
        // F = 0.5; retain 90/80 = 1.125 (above 1, not capped); test 60/75 = 0.8: 0.5 · 1.125 · 0.8 = 0.45.
        var score = ChallengeScore.Of(0.5, [85, 95], [60], [80], [70, 80]);

        Assert.Equal(1.125, score.RetainRatio, 1e-15);
        Assert.Equal(0.8, score.TestRatio, 1e-15);
        Assert.Equal(0.45, score.Final, 1e-15);
    }

    [Fact]
    public void Should_refuse_empty_lists_and_a_zero_reference() =>
        Assert.Throws<ArgumentException>(() => ChallengeScore.Of(1, [1], [1], [0], [1]));
}
