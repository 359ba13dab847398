using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

public class MembershipInferenceTests
{
    [Fact]
    public void Should_cut_the_forget_losses_to_the_unseen_count()
    {
        var forget = Uniform(50, 0, 1, seed: 1);

        var result = MembershipInference.Run(forget, Uniform(30, 0, 1, seed: 2));
        var kept = MembershipInference.KeepForget(forget, 30, seed: 42);

        Assert.Equal(30, result.ForgetCount);
        Assert.Equal(30, result.UnseenCount);
        Assert.Equal(30, kept.Length);
        Assert.Equal(30, kept.Distinct().Count());
        Assert.All(kept, v => Assert.Contains(v, forget));
        Assert.NotEqual(forget[..30], kept); // a random subset, not the first rows
    }

    [Fact]
    public void Should_keep_every_forget_loss_and_every_unseen_loss_when_forget_is_smaller()
    {
        var forget = Uniform(20, 0, 1, seed: 1);

        var result = MembershipInference.Run(forget, Uniform(30, 0, 1, seed: 2));

        Assert.Equal(20, result.ForgetCount);
        Assert.Equal(30, result.UnseenCount);
        Assert.Equal(forget.Order(), MembershipInference.KeepForget(forget, 30, seed: 42).Order());
    }

    [Fact]
    public void Should_find_members_whose_losses_are_all_lower()
    {
        var result = MembershipInference.Run(Uniform(300, 0, 0.1, seed: 1), Uniform(300, 1, 2, seed: 2));

        Assert.Equal(1.0, result.AttackAccuracy);
        Assert.Equal(0.5, result.ForgettingScore);
        Assert.True(result.FullFit.Coefficients[0] < 0); // lower loss → member
    }

    [Fact]
    public void Should_be_near_chance_when_members_and_non_members_look_alike()
    {
        // Both sets from one distribution. Each split's accuracy over 301 test rows has a standard deviation of about
        // sqrt(0.25/301) ≈ 0.029; the mean of 10 is about 0.01, so 0.04 is four standard deviations.
        var result = MembershipInference.Run(Uniform(1500, 0, 3, seed: 11), Uniform(1504, 0, 3, seed: 12));

        Assert.Equal(10, result.SplitAccuracies.Count);
        Assert.InRange(result.AttackAccuracy, 0.46, 0.54);
        Assert.Equal(Math.Abs(result.AttackAccuracy - 0.5), result.ForgettingScore);
    }

    [Fact]
    public void Should_repeat_for_a_seed()
    {
        var forget = Uniform(400, 0, 1.2, seed: 3);
        var unseen = Uniform(300, 0.2, 1.5, seed: 4);

        var first = MembershipInference.Run(forget, unseen);
        var again = MembershipInference.Run(forget, unseen);
        var otherSplits = MembershipInference.Run(forget, unseen, new MembershipInferenceOptions(SplitterSeed: 1));

        Assert.Equal(first.SplitAccuracies, again.SplitAccuracies);
        Assert.Equal(first.FullFit.Coefficients, again.FullFit.Coefficients);
        Assert.NotEqual(first.SplitAccuracies, otherSplits.SplitAccuracies);
    }

    [Fact]
    public void Should_accept_float_losses_as_the_task_produces_them()
    {
        var forget = Uniform(100, 0, 0.5, seed: 5);
        var unseen = Uniform(100, 0.3, 2, seed: 6);

        var fromDouble = MembershipInference.Run(forget, unseen);
        var fromFloat = MembershipInference.Run(forget.Select(v => (float)v).ToArray(), unseen.Select(v => (float)v).ToArray());

        Assert.Equal(fromDouble.AttackAccuracy, fromFloat.AttackAccuracy, 0.02);
    }

    [Fact]
    public void Should_name_the_index_of_a_non_finite_loss()
    {
        var forget = Uniform(10, 0, 1, seed: 1);
        forget[5] = double.NaN;

        var error = Assert.Throws<ArgumentException>(() => MembershipInference.Run(forget, Uniform(10, 0, 1, seed: 2)));

        Assert.Contains("forget loss at index 5", error.Message);
        Assert.Throws<ArgumentException>(() => MembershipInference.Run(Uniform(10, 0, 1, seed: 1), Array.Empty<double>()));
    }

    private static double[] Uniform(int count, double min, double max, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => min + (max - min) * random.NextDouble()).ToArray();
    }
}
