using Lethe.Models;
using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class NegGradTests
{
    [Fact]
    public void Should_raise_the_forget_loss_on_the_retain_clock()
    {
        using var retain = ColouredSet(64, seed: 1);
        using var forget = ColouredSet(32, seed: 2);
        using var original = NewModel(FourClasses);
        var forgetLossBefore = Loss(original, FourClasses, forget);

        var result = Assert.Single(new NegGrad().Run(Context(original, FourClasses, forget, retain),
            new NegGradHyperParameters { Lr = 0.01, Epochs = 1 }));

        using var model = result.Model;
        var forgetLossAfter = Loss(model, FourClasses, forget);
        Assert.Equal("Grad Asc", result.Label);
        Assert.Equal(LoopShapes.NegGradSteps(UnlearningVariant.MultiClass, false, 64, 32, BatchSize, 1), result.Steps);
        Assert.Equal(4, result.Steps);
        Assert.True(forgetLossAfter > forgetLossBefore + 0.05, $"forget loss {forgetLossBefore} -> {forgetLossAfter}");
    }

    [Fact]
    public void Should_step_on_full_forget_batches_only_for_multilabel()
    {
        var task = MultiLabelTask.MaleSmilingYoung;
        using var retain = MultiLabelSet(64, seed: 1);
        using var forget = MultiLabelSet(40, seed: 2);
        using var original = NewModel(task);
        var forgetLossBefore = Loss(original, task, forget);

        var result = Assert.Single(new NegGrad().Run(Context(original, task, forget, retain),
            new NegGradHyperParameters { Lr = 0.01, Epochs = 1 }));

        using var model = result.Model;
        Assert.Equal(2, result.Steps); // 40 = 16 + 16 + 8; the partial batch is skipped and the retain set plays no part
        Assert.True(Loss(model, task, forget) > forgetLossBefore);
    }

    [Fact]
    public void Should_say_so_when_a_forget_set_smaller_than_one_batch_leaves_no_full_batch_to_step_on()
    {
        using var retain = ColouredSet(64, seed: 1);
        using var forget = ColouredSet(12, seed: 2); // < BatchSize: every forget batch is partial, so the reference skips it
        using var original = NewModel(FourClasses);

        var result = Assert.Single(new NegGrad().Run(Context(original, FourClasses, forget, retain),
            new NegGradHyperParameters { Lr = 0.01, Epochs = 1 }));

        using var model = result.Model;
        Assert.Equal(0, result.Steps);
        Assert.Equal(StartingModel.TookNoStep, result.Unchanged);
        Assert.StartsWith("took no optimiser step", result.Note);
        Assert.Contains("full batches of 16 only; the forget set has 12 images", result.Note);
        Assert.Equal(Loss(original, FourClasses, forget), Loss(model, FourClasses, forget));
    }

    [Fact]
    public void Should_leave_no_note_when_it_steps()
    {
        using var retain = ColouredSet(64, seed: 1);
        using var forget = ColouredSet(32, seed: 2);
        using var original = NewModel(FourClasses);

        var result = Assert.Single(new NegGrad().Run(Context(original, FourClasses, forget, retain),
            new NegGradHyperParameters { Lr = 0.01, Epochs = 1 }));

        result.Model.Dispose();
        Assert.Null(result.Note);
    }
}
