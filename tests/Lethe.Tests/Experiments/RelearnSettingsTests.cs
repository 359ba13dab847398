using Lethe.Evaluation.Relearning;
using Lethe.Experiments;
using Lethe.Plans;

namespace Lethe.Tests.Experiments;

/// <summary>The relearning settings in the spec: set by --set relearn.*, hashed so that a change is never a cache hit.</summary>
public class RelearnSettingsTests
{
    [Fact]
    public void Set_sends_relearn_assignments_to_the_relearning_settings_and_the_rest_to_the_methods()
    {
        var spec = Presets.Default.WithSet(["relearn.steps=200", "scrub.lr=0.0005", "Relearn.LearningRate=0.0001"]);
        Assert.Equal(RelearnOptions.Default with { Steps = 200, LearningRate = 1e-4 }, spec.Relearn);
        Assert.Equal(["scrub.lr=0.0005"], spec.Overrides);
    }

    [Fact]
    public void An_optional_setting_is_set_as_its_underlying_type()
    {
        Assert.Equal(5L, Presets.Default.WithSet(["relearn.seed=5"]).Relearn.Seed);
        Assert.Contains("'x' is not a valid integer", Assert.Throws<ArgumentException>(() => Presets.Default.WithSet(["relearn.seed=x"])).Message);
    }

    [Fact]
    public void An_unknown_relearning_parameter_is_named_with_the_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Presets.Default.WithSet(["relearn.epochs=3"]));
        Assert.Contains("relearn.epochs: unknown parameter", e.Message);
        Assert.Contains("steps", e.Message);
    }

    [Fact]
    public void Other_relearning_settings_or_skipping_it_give_another_result_hash_and_other_cell_ids()
    {
        var spec = Presets.Default;
        var other = spec.WithSet(["relearn.steps=50"]);
        var skipped = spec with { NoRelearn = true };
        Assert.Equal(3, new[] { spec.ResultHash(), other.ResultHash(), skipped.ResultHash() }.Distinct().Count());
        Assert.Equal(3, new[] { spec, other, skipped }.Select(s => CellIds.SpecCore(s, CellRole.Unlearned)).Distinct().Count());
    }

    [Fact]
    public void A_bad_relearning_value_stops_the_run_before_anything_trains_unless_relearning_is_skipped()
    {
        var spec = Presets.Default with { Relearn = RelearnOptions.Default with { ScoreEvery = 0 } };
        Assert.Contains("relearn.scoreEvery must be >= 1", Assert.Throws<ArgumentException>(spec.Validate).Message);
        (spec with { NoRelearn = true }).Validate();
    }
}
