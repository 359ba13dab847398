using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;
using static TorchSharp.torch;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class BadTeacherTests
{
    [Fact]
    public void Should_mix_every_forget_image_with_the_drawn_share_of_retain_flagged_by_set()
    {
        using var retain = ColouredSet(40, seed: 1);
        using var forget = ColouredSet(16, seed: 2);
        using var loop = new UnlearningLoop(Context(null!, FourClasses, forget, retain), "badteacher", ["Bad Teacher"]);

        var mix = BadTeacherMix.Of(loop, 0.3);

        Assert.Equal(16 + 12, mix.Count);
        Assert.Equal(forget.Samples.Select(s => s.Name), mix.Samples.Take(16).Select(s => s.Name));
        Assert.All(mix.Samples.Take(16), s => Assert.Equal([1], s.Labels));
        Assert.All(mix.Samples.Skip(16), s => Assert.Equal([0], s.Labels));
        Assert.Subset(retain.Samples.Select(s => s.Name).ToHashSet(), mix.Samples.Skip(16).Select(s => s.Name).ToHashSet());
    }

    [Fact]
    public void Should_distil_from_the_random_teacher_on_forget_and_from_the_original_on_retain()
    {
        using var retain = ColouredSet(48, seed: 1);
        using var forget = ColouredSet(16, seed: 2);
        using var original = NewModel(FourClasses);
        var steps = new List<UnlearningProgress>();
        var context = new UnlearningContext // one batch holds the whole mix (16 + 14), so each step sees all of it
        {
            Original = original, Task = FourClasses, Forget = forget, Retain = retain, BatchSize = 32,
            TrainTransform = new Lethe.Data.Transforms.EvalTransform(Side), Progress = new Recorder(steps),
        };
        double Objective(bool forgetFromBad)
        {
            using var loop = new UnlearningLoop(context, "badteacher", ["Bad Teacher"]);
            var mix = BadTeacherMix.Of(loop, 0.3);
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var (images, isForget) = (Images(mix), tensor(mix.Samples.Select(s => s.Labels[0] == 1).ToArray()).unsqueeze(1));
            var bad = loop.Teacher(loop.RandomNetwork("incompetent")).call(images);
            var good = loop.Teacher(loop.Context.CopyOriginal()).call(images);
            var student = loop.Model;
            student.train();
            return Distillation.SoftmaxKl(student.call(images), forgetFromBad ? where(isForget, bad, good) : good, 1).item<float>();
        }

        var result = Assert.Single(new BadTeacher().Run(context, new BadTeacherHyperParameters { Epochs = 3 }));

        result.Model.Dispose();
        Assert.Equal(("Bad Teacher", 3), (result.Label, result.Steps));
        Assert.Equal(Objective(forgetFromBad: true), steps[0].Loss, 4);
        Assert.NotEqual(Objective(forgetFromBad: false), steps[0].Loss, 2);
        Assert.True(steps[^1].Loss < steps[0].Loss / 2, $"distillation loss per step: {string.Join(", ", steps.Select(s => s.Loss))}");
    }

    private sealed class Recorder(List<UnlearningProgress> reports) : IProgress<UnlearningProgress>
    {
        public void Report(UnlearningProgress value) => reports.Add(value);
    }
}
