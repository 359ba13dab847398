using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

public class AttackFeasibilityTests
{
    private static readonly MembershipInferenceOptions Options = MembershipInferenceOptions.Default;

    [Theory]
    [InlineData(1, 1, "1 forget vs 1 unseen images are too few: each of its 10 splits tests ⌈10% of 2⌉ = 1 row, which cannot hold a forget and an unseen one (at least 6 images a side are needed)")]
    [InlineData(5, 525, "5 forget vs 5 unseen images are too few: each of its 10 splits tests ⌈10% of 10⌉ = 1 row, which cannot hold a forget and an unseen one (at least 6 images a side are needed)")]
    [InlineData(1500, 3, "3 forget vs 3 unseen images are too few: each of its 10 splits tests ⌈10% of 6⌉ = 1 row, which cannot hold a forget and an unseen one (at least 6 images a side are needed)")]
    public void Should_say_why_sets_too_small_for_the_splits_cannot_be_attacked(int forget, int unseen, string problem) =>
        Assert.Equal(problem, AttackFeasibility.Problem(AttackBalance.Plan(forget, unseen, Options.ReferenceImbalanceTolerance), Options));

    [Theory]
    [InlineData(6, 6)]
    [InlineData(1500, 1504)]
    public void Should_find_no_problem_where_the_splits_can_be_drawn(int forget, int unseen) =>
        Assert.Null(AttackFeasibility.Problem(AttackBalance.Plan(forget, unseen, Options.ReferenceImbalanceTolerance), Options));

    [Fact]
    public void Should_refuse_exactly_the_sizes_the_splitter_refuses()
    {
        // For every balanced size up to 20 a side, the verdict asked before training is what the splitter then does.
        for (int side = 1; side <= 20; side++)
        {
            var labels = Enumerable.Repeat(0, side).Concat(Enumerable.Repeat(1, side)).ToArray();
            var problem = AttackFeasibility.Problem(new AttackBalance(side, side, side, side, SubsampledSide.None), Options);
            if (problem is null) Assert.Equal(10, StratifiedShuffleSplit.Split(labels).Count);
            else Assert.Throws<ArgumentException>(() => StratifiedShuffleSplit.Split(labels));
        }
        Assert.Equal(6, AttackFeasibility.MinimumPerSide(Options));
    }

    [Fact]
    public void Should_warn_before_training_that_the_attack_cannot_be_computed_rather_than_that_it_is_small()
    {
        var tiny = AttackBalance.Plan(5, 5, Options.ReferenceImbalanceTolerance);
        Assert.StartsWith("The attack cannot be computed: 5 forget vs 5 unseen images are too few:", SmallAttackWarning.Before(tiny, Options));
        Assert.StartsWith("The attack compares only 6 images per side", SmallAttackWarning.Before(AttackBalance.Plan(6, 6, 0.01), Options));
        Assert.Null(SmallAttackWarning.Before(AttackBalance.Plan(100, 100, 0.01), Options));
    }
}
