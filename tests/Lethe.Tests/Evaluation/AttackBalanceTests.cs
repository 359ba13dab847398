using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

public class AttackBalanceTests
{
    [Theory]
    [InlineData(1500, 1504, 1500, 1504, SubsampledSide.None)]    // MUFAC's default: the reference's sets
    [InlineData(2002, 2002, 2002, 2002, SubsampledSide.None)]    // MUCAC
    [InlineData(1600, 1504, 1504, 1504, SubsampledSide.Forget)]  // the reference's trim
    [InlineData(1500, 1515, 1500, 1515, SubsampledSide.None)]    // unseen 1% above forget: still the reference's path
    [InlineData(1500, 1516, 1500, 1500, SubsampledSide.Unseen)]  // just beyond the tolerance
    [InlineData(14, 525, 14, 14, SubsampledSide.Unseen)]
    public void Should_plan_the_sizes_of_each_regime(int forget, int unseen, int forgetUsed, int unseenUsed, SubsampledSide side) =>
        Assert.Equal(new AttackBalance(forget, unseen, forgetUsed, unseenUsed, side), AttackBalance.Plan(forget, unseen, 0.01));

    [Fact]
    public void Should_give_the_share_an_attacker_scores_by_always_answering_the_larger_side()
    {
        Assert.Equal(1504.0 / 3004, AttackBalance.Plan(1500, 1504, 0.01).MajorityShare); // 0.50067
        Assert.Equal(0.5, AttackBalance.Plan(14, 525, 0.01).MajorityShare);
        Assert.Equal(525.0 / 539, AttackBalance.Plan(14, 525, tolerance: 100).MajorityShare); // the reference's 0.974
        Assert.Equal(14, AttackBalance.Plan(14, 525, 0.01).SmallerSide);
    }

    [Fact]
    public void Should_refuse_an_empty_side_or_a_negative_tolerance()
    {
        Assert.Throws<ArgumentException>(() => AttackBalance.Plan(0, 5, 0.01));
        Assert.Throws<ArgumentException>(() => AttackBalance.Plan(5, 5, -0.1));
    }
}
