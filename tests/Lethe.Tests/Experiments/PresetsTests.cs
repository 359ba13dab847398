using Lethe.Data;
using Lethe.Experiments;
using Lethe.Models;

namespace Lethe.Tests.Experiments;

public class PresetsTests
{
    [Fact]
    public void The_default_attack_is_balanced_with_about_500_photos_a_side()
    {
        var synth = Presets.Default.Synth;
        int forget = synth.ForgetIdentities * synth.ImagesPerIdentity;
        int unseen = synth.UnseenIdentities * synth.UnseenImagesPerIdentity;
        // Forget is cut to |unseen|; with fewer forget photos than unseen an attack that learned nothing scores above 0.5.
        Assert.True(forget >= unseen, $"forget {forget} < unseen {unseen}");
        Assert.InRange(unseen, 500, 2000);
    }

    [Fact]
    public void The_default_keeps_Retrained_at_least_five_times_the_cost_of_four_retain_epochs()
    {
        // Advanced Grad Asc costs about 4 retain-epochs (2 epochs of paired retain and forget batches).
        var recipes = Presets.Default.RecipesFor(MultiClassTask.AgeGroups);
        Assert.True(recipes.Retrained.Epochs >= 20, $"{recipes.Retrained.Epochs} epochs");
        Assert.Equal([8, 16], recipes.Retrained.Milestones);
    }

    [Fact]
    public void The_reproduction_presets_make_one_model_at_a_time_with_every_core()
    {
        Assert.All(new[] { Presets.Paper, Presets.Cpu }, p => Assert.Equal(1, p.EffectiveJobs));
        Assert.Equal(Math.Max(1, Environment.ProcessorCount), Presets.Cpu.EffectiveThreads);
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 2), Presets.Default.EffectiveJobs);
    }

    [Fact]
    public void Cpu_is_the_paper_at_64_px_and_nothing_else_changes()
    {
        Assert.Equal(64, Presets.Cpu.ImageSize);
        Assert.Equal(Presets.Paper, Presets.Cpu with { Preset = "paper", ImageSize = 128 });
        var mufac = Presets.Cpu.RecipesFor(MultiClassTask.AgeGroups).Original;
        Assert.Equal(30, mufac.Epochs);
        Assert.Equal([10, 20], mufac.Milestones);
    }

    [Fact]
    public void Quick_is_smaller_than_default_and_unknown_presets_are_named()
    {
        Assert.True(Presets.Quick.Synth.RetainIdentities < Presets.Default.Synth.RetainIdentities);
        Assert.True(Presets.Quick.BaseEpochs < Presets.Default.BaseEpochs);
        var error = Assert.Throws<ArgumentException>(() => Presets.Get("paper-ish"));
        Assert.Contains("default, quick", error.Message);
    }
}

public class MethodPlanTests
{
    [Fact]
    public void All_expands_in_report_order_and_a_repeated_method_runs_once()
    {
        var spec = Presets.Default with { Methods = ["scrub", "all", "SCRUB", "none"] };
        var keys = MethodPlan.Resolve(spec, MultiClassTask.AgeGroups).Steps.Select(s => s.Method.Key).ToArray();
        Assert.Equal(["scrub", .. Lethe.Unlearning.MethodRegistry.Keys.Where(k => k != "scrub")], keys);
    }

    [Fact]
    public void A_params_file_may_set_methods_that_do_not_run_but_a_set_override_may_not()
    {
        var spec = Presets.Default with { Methods = ["finetune"], ParameterJson = """{"finetune": {"lr": 0.5}, "scrub": {"lr": 0.1}}""" };

        var step = Assert.Single(MethodPlan.Resolve(spec, MultiClassTask.AgeGroups).Steps);
        var refused = Assert.Throws<ArgumentException>(() => MethodPlan.Resolve(spec with { Overrides = ["scrub.lr=0.1"] }, MultiClassTask.AgeGroups));

        Assert.Equal(0.5, ((Lethe.Unlearning.FineTuneHyperParameters)step.HyperParameters).Lr);
        Assert.Equal("--set overrides scrub, but the methods run are: finetune; add it to --methods or drop the override", refused.Message);
    }

    [Fact]
    public void Should_start_every_registered_dataset_from_its_own_default_preset()
    {
        Assert.All(DatasetRegistry.Default.All, dataset => Assert.All(dataset.Names, name =>
        {
            Assert.Contains(dataset.DefaultPreset, Presets.Names);
            var spec = Presets.For(null, name);
            Assert.Equal((dataset.DefaultPreset, name), (spec.Preset, spec.Dataset));
        }));
        Assert.Equal(("default", "synthfaces"), (Presets.For(null, null).Preset, Presets.For(null, null).Dataset));
    }
}
