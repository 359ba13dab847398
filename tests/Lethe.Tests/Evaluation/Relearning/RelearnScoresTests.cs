using Lethe.Evaluation.Relearning;

namespace Lethe.Tests.Evaluation.Relearning;

/// <summary>The relearning test's arithmetic on given curves, worked by hand.</summary>
public class RelearnScoresTests
{
    private static RelearnCurve Curve(params double[] accuracy) => new([.. Enumerable.Range(0, accuracy.Length).Select(i => i * 10)], accuracy, 0);

    [Fact]
    public void Recovery_is_the_models_gain_over_Retrained_as_a_share_of_the_Originals()
    {
        // (0.6 − 0.2) / (0.9 − 0.2) = 0.4 / 0.7.
        Assert.Equal(0.4 / 0.7, RelearnScores.Recovery(0.6, 0.9, 0.2).Value!.Value, 12);
        Assert.Equal(0.0, RelearnScores.Recovery(0.2, 0.9, 0.2).Value!.Value, 12);
        Assert.Equal(1.0, RelearnScores.Recovery(0.9, 0.9, 0.2).Value!.Value, 12);
    }

    [Fact]
    public void Recovery_has_no_value_when_Original_and_Retrained_end_too_close_to_divide_by()
    {
        var (value, missing) = RelearnScores.Recovery(0.6, 0.54, 0.50);
        Assert.Null(value);
        Assert.Contains("0.040 apart", missing);
        Assert.Contains("0.05", missing);
    }

    [Fact]
    public void Area_is_the_mean_gap_between_the_curves_over_the_scoring_points()
    {
        // U − R at 0, 10, 20: 0.1, 0.3, 0.5: mean 0.3.
        Assert.Equal(0.3, RelearnScores.Area(Curve(0.2, 0.5, 0.8), Curve(0.1, 0.2, 0.3)), 12);
        Assert.Throws<ArgumentException>(() => RelearnScores.Area(Curve(0.2, 0.5), Curve(0.1, 0.2, 0.3)));
    }

    [Fact]
    public void Steps_to_reach_is_the_first_scored_step_at_or_above_the_target_or_none()
    {
        Assert.Equal(20, RelearnScores.StepsToReach(Curve(0.2, 0.5, 0.8, 0.9), 0.8));
        Assert.Equal(0, RelearnScores.StepsToReach(Curve(0.9, 0.5), 0.8));
        Assert.Null(RelearnScores.StepsToReach(Curve(0.2, 0.5), 0.8));
    }

    [Fact]
    public void Scoring_steps_start_at_zero_step_by_s_and_end_at_T()
    {
        Assert.Equal([0, 20, 40, 60, 80, 100], RelearnOptions.Default.ScoringSteps());
        Assert.Equal([0, 3, 6, 7], new RelearnOptions(Steps: 7, ScoreEvery: 3).ScoringSteps());
    }
}
