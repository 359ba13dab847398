using System.Text.Json;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Training;
using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Experiments;

public class ReferenceQuirksTests
{
    private static T Record<T>(ExperimentSpec spec, PredictionTask task, string key) =>
        (T)MethodPlan.Resolve(spec with { Methods = ["all"] }, task).Steps.Single(s => s.Method.Key == key).HyperParameters;

    [Fact]
    public void The_reproduction_presets_run_every_quirk_and_the_synthetic_ones_none()
    {
        Assert.Equal(ReferenceQuirks.Reference, Presets.Paper.Quirks);
        Assert.Equal(ReferenceQuirks.Reference, Presets.Cpu.Quirks);
        Assert.Equal(ReferenceQuirks.None, Presets.Default.Quirks);
        Assert.Equal(ReferenceQuirks.None, Presets.Quick.Quirks);
        Assert.Equal([ReferenceQuirk.BatchNormEval, ReferenceQuirk.EpochReseed], ReferenceQuirks.Reference.Enabled);
        Assert.Empty(ReferenceQuirks.None.Enabled);
    }

    [Fact]
    public void The_one_switch_turns_every_quirk_off_or_on_whatever_the_preset()
    {
        Assert.Equal(ReferenceQuirks.None, ReferenceQuirks.Switched(Presets.Cpu.Quirks, quirks: false, noQuirks: true));
        Assert.Equal(ReferenceQuirks.None, ReferenceQuirks.Switched(Presets.Paper.Quirks, quirks: false, noQuirks: true));
        Assert.Equal(ReferenceQuirks.Reference, ReferenceQuirks.Switched(Presets.Quick.Quirks, quirks: true, noQuirks: false));
        Assert.Equal(ReferenceQuirks.Reference, ReferenceQuirks.Switched(Presets.Cpu.Quirks, quirks: false, noQuirks: false));
        Assert.Equal(ReferenceQuirks.None, ReferenceQuirks.Switched(Presets.Default.Quirks, quirks: false, noQuirks: false));
        var both = Assert.Throws<ArgumentException>(() => ReferenceQuirks.Switched(Presets.Cpu.Quirks, true, true));
        Assert.Equal("--quirks and --no-quirks cannot be used together", both.Message);
    }

    [Fact]
    public void On_MUFAC_the_quirks_put_fine_tuning_and_both_UNSIR_stages_in_BatchNorm_eval_mode_and_nothing_else()
    {
        var task = MultiClassTask.AgeGroups;
        Assert.True(Record<FineTuneHyperParameters>(Presets.Cpu, task, "finetune").BnEvalQuirk);
        Assert.True(Record<UnsirHyperParameters>(Presets.Cpu, task, "unsir").BnEvalQuirk);
        // The multi-label reseed is not MUFAC's: the notebooks seed MUFAC's methods once.
        Assert.False(Record<FineTuneHyperParameters>(Presets.Cpu, task, "finetune").EpochReseedQuirk);
        Assert.False(Record<ScrubHyperParameters>(Presets.Cpu, task, "scrub").EpochReseedQuirk);
        Assert.Equal(new CatastrophicForgettingHyperParameters(), Record<CatastrophicForgettingHyperParameters>(Presets.Cpu, task, "cf"));
        Assert.Equal(new NegGradHyperParameters(), Record<NegGradHyperParameters>(Presets.Cpu, task, "neggrad"));
    }

    [Fact]
    public void On_multi_label_the_quirks_reseed_every_epoch_and_leave_BatchNorm_in_training_mode()
    {
        var task = MultiLabelTask.MaleSmilingYoung;
        Assert.True(Record<FineTuneHyperParameters>(Presets.Paper, task, "finetune").EpochReseedQuirk);
        Assert.True(Record<CatastrophicForgettingHyperParameters>(Presets.Paper, task, "cf").EpochReseedQuirk);
        Assert.True(Record<ScrubHyperParameters>(Presets.Paper, task, "scrub").EpochReseedQuirk);
        Assert.False(Record<FineTuneHyperParameters>(Presets.Paper, task, "finetune").BnEvalQuirk);
        Assert.False(Record<UnsirHyperParameters>(Presets.Paper, task, "unsir").BnEvalQuirk);
        Assert.True(Presets.Paper.RecipesFor(task).Original.EpochReseedQuirk);
        Assert.True(Presets.Paper.RecipesFor(task).Retrained.EpochReseedQuirk);
        // The binary notebooks have neither quirk.
        Assert.Equal(new FineTuneHyperParameters(), Record<FineTuneHyperParameters>(Presets.Paper, BinaryTask.Male, "finetune"));
        Assert.Equal(Presets.Paper.RecipesFor(BinaryTask.Male), (Presets.Paper with { Quirks = ReferenceQuirks.None }).RecipesFor(BinaryTask.Male));
    }

    [Fact]
    public void No_quirks_gives_the_principled_records_and_an_override_still_wins_over_a_quirk()
    {
        var principled = Presets.Cpu with { Quirks = ReferenceQuirks.None };
        Assert.Equal(new FineTuneHyperParameters(), Record<FineTuneHyperParameters>(principled, MultiClassTask.AgeGroups, "finetune"));
        Assert.Equal(new UnsirHyperParameters(), Record<UnsirHyperParameters>(principled, MultiClassTask.AgeGroups, "unsir"));
        Assert.False(principled.RecipesFor(MultiLabelTask.MaleSmilingYoung).Original.EpochReseedQuirk);

        var overridden = Presets.Cpu with { Overrides = ["finetune.bnEvalQuirk=false"] };
        Assert.False(Record<FineTuneHyperParameters>(overridden, MultiClassTask.AgeGroups, "finetune").BnEvalQuirk);
        Assert.True(Record<UnsirHyperParameters>(overridden, MultiClassTask.AgeGroups, "unsir").BnEvalQuirk);
        var turnedOn = Presets.Default with { Overrides = ["unsir.bnEvalQuirk=true"] };
        Assert.True(Record<UnsirHyperParameters>(turnedOn, MultiClassTask.AgeGroups, "unsir").BnEvalQuirk);
    }

    [Fact]
    public void The_result_hash_changes_with_the_quirks_while_a_principled_spec_serialises_as_before()
    {
        Assert.NotEqual(Presets.Cpu.ResultHash(), (Presets.Cpu with { Quirks = ReferenceQuirks.None }).ResultHash());
        Assert.NotEqual(Presets.Default.ResultHash(), (Presets.Default with { Quirks = ReferenceQuirks.Reference }).ResultHash());
        Assert.NotEqual((Presets.Cpu with { Quirks = new(BatchNormEval: true, EpochReseed: false) }).ResultHash(), Presets.Cpu.ResultHash());
        // Principled specs leave the field out, so runs stored before it existed keep their result hash (and resume).
        Assert.DoesNotContain("Quirks", JsonSerializer.Serialize(Presets.Default));
        Assert.DoesNotContain("Quirks", JsonSerializer.Serialize(Presets.Cpu with { Quirks = ReferenceQuirks.None }));
        Assert.Contains("\"Quirks\":{\"BatchNormEval\":true,\"EpochReseed\":true}", JsonSerializer.Serialize(Presets.Cpu));
        var stored = JsonSerializer.Deserialize<ExperimentSpec>(JsonSerializer.Serialize(Presets.Cpu))!;
        Assert.Equal(ReferenceQuirks.Reference, stored.Quirks);
    }

    [Fact]
    public void The_base_models_cache_key_moves_only_where_a_quirk_touches_base_training()
    {
        CheckpointKey Key(ExperimentSpec spec, PredictionTask task) =>
            new("train-set", "original", spec.RecipesFor(task).Original, spec.Seed, spec.Architecture, task.Name,
                spec.ImageSize, spec.Augmentation.ToString(), "CPU", 2);
        var principled = Presets.Cpu with { Quirks = ReferenceQuirks.None };

        // BatchNorm eval mode is an unlearning quirk: a cached MUFAC Original and Retrained serve both.
        Assert.Equal(Key(principled, MultiClassTask.AgeGroups).Hash(), Key(Presets.Cpu, MultiClassTask.AgeGroups).Hash());
        Assert.Equal(Key(principled, BinaryTask.Young).Hash(), Key(Presets.Cpu, BinaryTask.Young).Hash());
        // The multi-label reseed changes what base training sees, so it is a different model.
        Assert.NotEqual(Key(principled, MultiLabelTask.MaleSmilingYoung).Hash(), Key(Presets.Cpu, MultiLabelTask.MaleSmilingYoung).Hash());
        // A recipe without the quirk serialises as before it existed, so older cache entries keep their key.
        Assert.DoesNotContain("EpochReseedQuirk", JsonSerializer.Serialize(principled.RecipesFor(MultiLabelTask.MaleSmilingYoung).Original));
    }
}

/// <summary>What the quirks do to a model, through the plan the runner builds (tiny ResNet-18, colour-coded classes).</summary>
[Collection("Unlearning")]
public class ReferenceQuirksBehaviourTests
{
    private static FineTuneHyperParameters FineTuneOf(ExperimentSpec spec, PredictionTask task) =>
        (FineTuneHyperParameters)MethodPlan.Resolve(spec with { Methods = ["finetune"] }, task).Steps.Single().HyperParameters;

    [Fact]
    public void Under_the_quirks_a_MUFAC_fine_tune_leaves_the_BatchNorm_running_statistics_as_they_were()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        var context = Context(original, FourClasses, retain, retain);
        var quirks = FineTuneOf(Presets.Cpu, MultiClassTask.AgeGroups) with { Epochs = 1 };
        var principled = FineTuneOf(Presets.Cpu with { Quirks = ReferenceQuirks.None }, MultiClassTask.AgeGroups) with { Epochs = 1 };

        using var asItRan = new FineTune().Run(context, quirks)[0].Model;
        using var asDescribed = new FineTune().Run(context, principled)[0].Model;

        var (before, afterQuirk, afterPrincipled) = (Statistics(original), Statistics(asItRan), Statistics(asDescribed));
        Assert.Equal(40, before.Count); // 20 BatchNorm layers, mean and variance each
        Assert.All(before, entry => Assert.True(Same(entry.Value, afterQuirk[entry.Key]), entry.Key));
        Assert.All(before, entry => Assert.False(Same(entry.Value, afterPrincipled[entry.Key]), entry.Key));
        // The weights trained under the quirk too: only the statistics stayed.
        Assert.False(Same(Snapshot(original)["fc.weight"], Snapshot(asItRan)["fc.weight"]));
    }

    /// <summary>The BatchNorm running means and variances.</summary>
    private static Dictionary<string, float[]> Statistics(TorchSharp.torch.nn.Module model) =>
        Snapshot(model).Where(e => e.Key.EndsWith(".running_mean") || e.Key.EndsWith(".running_var"))
            .ToDictionary(e => e.Key, e => e.Value);
}
