using Lethe.Training;
using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;
using static TorchSharp.torch;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class DivergenceTests
{
    [Fact]
    public void Should_record_a_non_finite_loss_as_divergence_and_return_the_last_finite_model()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        using (no_grad()) original.named_parameters().Single(p => p.name == "fc.bias").parameter.fill_(float.NaN);

        var result = Assert.Single(new FineTune().Run(Context(original, FourClasses, retain, retain)));

        using var model = result.Model;
        Assert.Equal((true, 1, 0), (result.Diverged, result.DivergedAtStep, result.Steps));
        Assert.Contains("NaN", result.Note);
    }

    [Fact]
    public void Should_record_exploding_gradient_ascent_without_throwing()
    {
        using var retain = ColouredSet(64, seed: 1);
        using var forget = ColouredSet(32, seed: 2);
        using var original = NewModel(FourClasses);

        var result = Assert.Single(new NegGrad().Run(Context(original, FourClasses, forget, retain),
            new NegGradHyperParameters { Lr = 1e6 }));

        using var model = result.Model;
        Assert.True(result.Diverged, $"steps {result.Steps}");
        Assert.NotNull(result.DivergedAtStep);
        Assert.InRange(result.Steps, 0, LoopShapes.NegGradSteps(UnlearningVariant.MultiClass, false, 64, 32, BatchSize, 2) - 1);
        Assert.NotNull(result.Note);
    }

    [Fact]
    public void Should_find_non_finite_weights_and_buffers()
    {
        using var model = NewModel(FourClasses);
        var watch = new DivergenceWatch(model, weightCheckInterval: 5);
        Assert.True(watch.WeightsAreFinite());
        Assert.True(watch.WeightsDueAt(10));
        Assert.False(watch.WeightsDueAt(11));

        using (no_grad()) model.named_buffers().Single(b => b.name == "layer2.0.bn1.running_var").buffer[3] = float.PositiveInfinity;

        Assert.False(watch.WeightsAreFinite());
    }

    [Fact]
    public void Should_report_progress_per_step_and_stop_on_cancellation()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        var reports = new List<UnlearningProgress>();
        var context = Context(original, FourClasses, retain, retain, new Recorder(reports));

        new FineTune().Run(context, new FineTuneHyperParameters { Epochs = 1 })[0].Model.Dispose();

        Assert.Equal([1, 2], reports.Select(r => r.Step));
        Assert.All(reports, r => Assert.Equal(("finetune", "epoch 1/1 retain"), (r.Method, r.Stage)));
        Assert.All(reports, r => Assert.True(double.IsFinite(r.Loss)));

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var cancelling = new UnlearningContext
        {
            Original = original, Task = FourClasses, Forget = retain, Retain = retain,
            TrainTransform = context.TrainTransform, BatchSize = BatchSize, CancellationToken = cancelled.Token,
        };
        Assert.ThrowsAny<OperationCanceledException>(() => new FineTune().Run(cancelling));
    }

    private sealed class Recorder(List<UnlearningProgress> reports) : IProgress<UnlearningProgress>
    {
        public void Report(UnlearningProgress value) => reports.Add(value);
    }
}
