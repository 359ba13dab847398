using Lethe.Data;

namespace Lethe.Tests.Data;

public class SplitRulesTests
{
    [Fact]
    public void A_split_with_every_set_filled_has_no_problems()
    {
        Assert.Empty(SplitRules.Problems(new SplitSizes(10, 2, 8, 3, 3), "first:2"));
    }

    [Fact]
    public void Every_empty_set_is_named_with_why_it_matters_and_the_forget_choice()
    {
        var problems = SplitRules.Problems(new SplitSizes(0, 0, 0, 0, 0), "first:1500");

        Assert.Equal(
        [
            "the forget set is empty (--forget first:1500 on 0 training images): there is nothing to unlearn",
            "the retain set is empty (--forget first:1500 on 0 training images): the forget set takes every training image, so Retrained has nothing to learn from",
            "the test set is empty: accuracy cannot be measured",
            "the unseen set is empty: the membership attack has no non-members",
        ], problems);
    }

    [Fact]
    public void Require_puts_every_problem_on_one_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => SplitRules.Require(new SplitSizes(591, 591, 0, 5, 0), "first:1500"));

        Assert.Equal("the retain set is empty (--forget first:1500 on 591 training images): the forget set takes every training image, "
            + "so Retrained has nothing to learn from; the unseen set is empty: the membership attack has no non-members", error.Message);
    }
}
