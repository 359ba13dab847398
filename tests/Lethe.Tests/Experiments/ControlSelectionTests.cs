using Lethe.Experiments;
using Lethe.Models;

namespace Lethe.Tests.Experiments;

/// <summary>Which runs hold the controls: `--methods all` never does; `--controls` or their keys do, after the methods.</summary>
public class ControlSelectionTests
{
    private static IReadOnlyList<string> Keys(ExperimentSpec spec) =>
        MethodPlan.Resolve(spec, MultiClassTask.AgeGroups).Steps.Select(s => s.Method.Key).ToArray();

    [Fact]
    public void All_means_the_methods_without_the_controls()
    {
        Assert.Equal(Lethe.Unlearning.MethodRegistry.Keys, Keys(Presets.Default with { Methods = ["all"] }));
    }

    [Fact]
    public void With_controls_adds_them_after_the_methods_and_runs_each_once()
    {
        Assert.Equal([.. Lethe.Unlearning.MethodRegistry.Keys, "head-only", "retrained-other-seed"], Keys((Presets.Default with { Methods = ["all"] }).WithControls()));
        Assert.Equal(["head-only", "finetune", "retrained-other-seed"], Keys((Presets.Default with { Methods = ["head-only", "finetune"] }).WithControls()));
        Assert.Equal(["head-only", "retrained-other-seed"], Keys((Presets.Default with { Methods = [] }).WithControls()));
    }

    [Fact]
    public void A_control_runs_when_named_and_takes_overrides_as_a_method_does()
    {
        var spec = Presets.Default with { Methods = ["head-only"], Overrides = ["head-only.epochs=2"] };

        var step = Assert.Single(MethodPlan.Resolve(spec, MultiClassTask.AgeGroups).Steps);

        Assert.Equal(2, ((Lethe.Unlearning.HeadOnlyControlHyperParameters)step.HyperParameters).Epochs);
        var error = Assert.Throws<ArgumentException>(() => MethodPlan.Resolve(spec with { Methods = ["finetune"] }, MultiClassTask.AgeGroups));
        Assert.StartsWith("--set overrides head-only, but the methods run are: finetune", error.Message);
    }
}
