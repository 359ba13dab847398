using Lethe.Experiments;

namespace Lethe.Tests.Experiments;

public class SeedSweepTests
{
    [Fact]
    public void A_count_starts_at_the_given_seed_and_a_list_is_taken_as_is()
    {
        Assert.Equal([42L, 43, 44], SeedSweep.Parse("3", 42, SeedVariation.All).Seeds);
        Assert.Equal([7L, 1, 300], SeedSweep.Parse("7, 1,300", 42, SeedVariation.All).Seeds);
        Assert.Equal([5L], SeedSweep.Parse("5,", 42, SeedVariation.All).Seeds);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1,1")]
    [InlineData("a,b")]
    [InlineData("")]
    public void Bad_seed_lists_are_refused(string text) =>
        Assert.Throws<ArgumentException>(() => SeedSweep.Parse(text, 42, SeedVariation.All));

    [Fact]
    public void Varying_everything_changes_the_experiment_seed_and_varying_unlearning_only_the_methods_seed()
    {
        var spec = new ExperimentSpec { Seed = 42, OutputDirectory = "out" };
        var all = SeedSweep.Parse("2", 42, SeedVariation.All).For(spec, 43);
        Assert.Equal((43L, 43L, Path.Combine("out", "seed-43")), (all.Seed, all.EffectiveUnlearnSeed, all.OutputDirectory));
        var unlearn = SeedSweep.Parse("2", 42, SeedVariation.Unlearn).For(spec, 43);
        Assert.Equal((42L, 43L), (unlearn.Seed, unlearn.EffectiveUnlearnSeed));
        // Base models are keyed by Seed, so they are shared; results are not, because the result hash sees the new seed.
        Assert.NotEqual(spec.ResultHash(), unlearn.ResultHash());
    }

    [Fact]
    public void An_unset_unlearning_seed_leaves_the_result_hash_of_older_runs_alone() =>
        Assert.DoesNotContain("UnlearnSeed", System.Text.Json.JsonSerializer.Serialize(new ExperimentSpec()));
}
