using Lethe.Models;
using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class ScrubTests
{
    [Fact]
    public void Should_push_the_student_away_on_forget_pull_it_back_on_retain_and_never_move_the_teacher()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var forget = ColouredSet(16, seed: 2);
        using var original = NewModel(FourClasses);
        using var loop = new UnlearningLoop(Context(original, FourClasses, forget, retain), "scrub", ["SCRUB"]);
        var teacher = loop.Teacher(loop.Context.CopyOriginal());
        var student = loop.Train(Optimiser.Sgd(0.01));
        var teacherBefore = Snapshot(teacher);
        Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> kd =
            (s, t) => Distillation.SoftmaxKl(s, t, 4);

        var divergenceBefore = Divergence(student, teacher, forget);
        ScrubPhases.Max(loop, "max phase", student, teacher, loop.Loader(forget, "f").Epoch(), kd);
        var divergenceAfter = Divergence(student, teacher, forget);
        var retainLossBefore = Loss(student, FourClasses, retain);
        ScrubPhases.Min(loop, "min phase", student, teacher, loop.Loader(retain, "r").Epoch(), kd);
        var retainLossAfter = Loss(student, FourClasses, retain);

        Assert.Equal((3, false), (loop.Steps, loop.Stopped));
        Assert.True(divergenceAfter > divergenceBefore, $"KL(teacher || student) on forget {divergenceBefore} -> {divergenceAfter}");
        Assert.True(retainLossAfter < retainLossBefore, $"retain loss {retainLossBefore} -> {retainLossAfter}");
        Assert.All(Snapshot(teacher), entry => Assert.True(Same(teacherBefore[entry.Key], entry.Value), entry.Key));
    }

    [Theory]
    [InlineData("multiclass", true, 2)]  // 1 retain batch + 1 forget batch per epoch
    [InlineData("binary", true, 2)]
    [InlineData("multilabel", true, 1)]  // reference mode: min phase only
    [InlineData("multilabel", false, 2)] // corrected: max phase with Bernoulli KL
    public void Should_run_the_phases_of_each_variant(string variant, bool referenceMode, int steps)
    {
        PredictionTask task = variant switch
        {
            "binary" => new BinaryTask("Red"),
            "multilabel" => MultiLabelTask.MaleSmilingYoung,
            _ => FourClasses,
        };
        using var retain = variant == "multilabel" ? MultiLabelSet(16, seed: 1) : ColouredSet(16, seed: 1, classes: task.Outputs);
        using var forget = variant == "multilabel" ? MultiLabelSet(16, seed: 2) : ColouredSet(16, seed: 2, classes: task.Outputs);
        using var original = NewModel(task);
        var method = new Scrub();
        var context = Context(original, task, forget, retain);
        var hyper = method.Defaults(context.Variant) with { Epochs = 1, ReferenceMode = referenceMode };

        var result = Assert.Single(method.Run(context, hyper));

        using var model = result.Model;
        Assert.Equal(("SCRUB", steps, false), (result.Label, result.Steps, result.Diverged));
    }
}
