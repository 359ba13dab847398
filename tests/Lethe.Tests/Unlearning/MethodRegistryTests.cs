using Lethe.Models;
using Lethe.Unlearning;

namespace Lethe.Tests.Unlearning;

public class MethodRegistryTests
{
    [Fact]
    public void Should_list_the_reference_methods_first_in_its_column_order()
    {
        Assert.Equal(["finetune", "cf", "neggrad", "unsir", "scrub", "advneggrad"], MethodRegistry.Keys.Take(6));
        Assert.Equal(
            ["Fine-tuning", "CF-3", "Grad Asc", "UNSIR Stage 1", "UNSIR Stage 2", "SCRUB", "Advanced Grad Asc"],
            MethodRegistry.All.SelectMany(m => m.Labels).Take(7));
    }

    [Fact]
    public void Should_put_the_newer_baselines_after_the_reference_in_a_fixed_order()
    {
        Assert.Equal(["randlabel", "salun", "ssd", "badteacher", "l1sparse"], MethodRegistry.Keys.Skip(6));
        Assert.Equal(["Random Labels", "SalUn", "SSD", "Bad Teacher", "l1-sparse"],
            MethodRegistry.All.Skip(6).SelectMany(m => m.Labels));
    }

    [Fact]
    public void Should_give_every_method_its_own_key_and_labels_because_results_are_stored_by_label()
    {
        Assert.Equal(MethodRegistry.Keys.Count, MethodRegistry.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(MethodRegistry.KnownKeys.Count, MethodRegistry.KnownKeys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var labels = MethodRegistry.Known.SelectMany(m => m.Labels).Select(Lethe.Experiments.RunStore.Slug).ToArray();
        Assert.Equal(labels.Length, labels.Distinct().Count());
        Assert.DoesNotContain(labels, l => l is "original" or "retrained");
    }

    [Fact]
    public void Should_find_a_method_by_key_ignoring_case()
    {
        Assert.IsType<Scrub>(MethodRegistry.Get("SCRUB"));
        Assert.IsType<CatastrophicForgetting>(MethodRegistry.Get("cf"));
    }

    [Fact]
    public void Should_reject_an_unknown_key_and_list_the_known_ones_the_controls_last()
    {
        var error = Assert.Throws<ArgumentException>(() => MethodRegistry.Get("retrain"));
        Assert.Contains("'retrain'", error.Message);
        Assert.EndsWith("known: finetune, cf, neggrad, unsir, scrub, advneggrad, randlabel, salun, ssd, badteacher, l1sparse, head-only, retrained-other-seed",
            error.Message);
    }

    [Fact]
    public void Should_keep_the_controls_out_of_the_methods_yet_find_them_by_key()
    {
        Assert.Equal(["head-only", "retrained-other-seed"], MethodRegistry.ControlKeys);
        Assert.Equal(["Head only (control +)", "Retrained, other seed (control −)"], MethodRegistry.Controls.SelectMany(m => m.Labels));
        Assert.Empty(MethodRegistry.Keys.Intersect(MethodRegistry.ControlKeys));
        Assert.IsType<HeadOnlyControl>(MethodRegistry.Get("Head-Only"));
        Assert.IsType<RetrainedControl>(MethodRegistry.Get("retrained-other-seed"));
        Assert.True(MethodRegistry.IsControlLabel("Head only (control +)"));
        Assert.False(MethodRegistry.IsControlLabel("Retrained"));
        Assert.IsType<HeadOnlyControlHyperParameters>(MethodRegistry.Defaults(UnlearningVariant.Binary)["head-only"]);
    }

    [Fact]
    public void Should_give_the_spec_defaults_per_variant()
    {
        var binary = (ScrubHyperParameters)MethodRegistry.Defaults(UnlearningVariant.Binary)["scrub"];
        var multiClass = (ScrubHyperParameters)MethodRegistry.Defaults(UnlearningVariant.MultiClass)["scrub"];
        var multiLabel = (ScrubHyperParameters)MethodRegistry.Defaults(UnlearningVariant.MultiLabel)["scrub"];
        Assert.Equal((0.0001, 1, 4.0, true), (binary.Lr, binary.Epochs, binary.Temperature, binary.ReferenceMode));
        Assert.Equal((0.001, 2), (multiClass.Lr, multiClass.Epochs));
        Assert.Equal((0.001, 2, true), (multiLabel.Lr, multiLabel.Epochs, multiLabel.ReferenceMode));

        var unsir = (UnsirHyperParameters)MethodRegistry.Defaults(UnlearningVariant.MultiClass)["unsir"];
        Assert.Equal((0.001, 2, 1, 0.01, 5, false),
            (unsir.Lr, unsir.ImpairEpochs, unsir.RepairEpochs, unsir.NoiseLr, unsir.NoiseSteps, unsir.BnEvalQuirk));
        var cf = (CatastrophicForgettingHyperParameters)MethodRegistry.Get("cf").Defaults(UnlearningVariant.MultiLabel);
        Assert.Equal((0.001, 2, 3), (cf.Lr, cf.Epochs, cf.K));
        var advanced = (AdvancedNegGradHyperParameters)MethodRegistry.Get("advneggrad").Defaults(UnlearningVariant.MultiClass);
        Assert.Equal((0.001, 2, false), (advanced.Lr, advanced.Epochs, advanced.UnifiedLoop));
    }

    [Fact]
    public void Should_derive_the_variant_from_the_task()
    {
        Assert.Equal(UnlearningVariant.MultiClass, UnlearningVariants.Of(MultiClassTask.AgeGroups));
        Assert.Equal(UnlearningVariant.Binary, UnlearningVariants.Of(new BinaryTask("Male")));
        Assert.Equal(UnlearningVariant.MultiLabel, UnlearningVariants.Of(MultiLabelTask.MaleSmilingYoung));
    }

    [Fact]
    public void Should_let_the_context_override_the_derived_variant()
    {
        using var set = UnlearningFixtures.ColouredSet(4, seed: 1);
        var context = UnlearningFixtures.Context(null!, new BinaryTask("Male"), set, set);
        Assert.Equal(UnlearningVariant.Binary, context.Variant);
        var overridden = new UnlearningContext
        {
            Original = null!, Task = new BinaryTask("Male"), Forget = set, Retain = set,
            TrainTransform = context.TrainTransform, Variant = UnlearningVariant.MultiClass,
        };
        Assert.Equal(UnlearningVariant.MultiClass, overridden.Variant);
    }

    [Fact]
    public void Should_reject_a_record_of_another_method()
    {
        IUnlearningMethod scrub = MethodRegistry.Get("scrub");
        var error = Assert.Throws<ArgumentException>(() => scrub.LabelsFor(new FineTuneHyperParameters()));
        Assert.Contains("ScrubHyperParameters", error.Message);
    }
}
