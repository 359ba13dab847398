using Lethe.Unlearning;
using static Lethe.Tests.Unlearning.UnlearningFixtures;

namespace Lethe.Tests.Unlearning;

[Collection("Unlearning")]
public class FineTuneTests
{
    [Fact]
    public void Should_lower_the_retain_loss_and_leave_the_original_untouched()
    {
        using var retain = ColouredSet(64, seed: 1);
        using var forget = ColouredSet(32, seed: 2);
        using var original = NewModel(FourClasses);
        var retainLossBefore = Loss(original, FourClasses, retain);
        var before = Snapshot(original);

        var result = Assert.Single(new FineTune().Run(Context(original, FourClasses, forget, retain),
            new FineTuneHyperParameters { Lr = 0.01, Epochs = 1 }));

        using var model = result.Model;
        var retainLossAfter = Loss(model, FourClasses, retain);
        Assert.Equal(("Fine-tuning", 4, false), (result.Label, result.Steps, result.Diverged));
        Assert.True(retainLossAfter < retainLossBefore - 0.05, $"retain loss {retainLossBefore} -> {retainLossAfter}");
        Assert.All(Snapshot(original), entry => Assert.True(Same(before[entry.Key], entry.Value), entry.Key));
        Assert.True(result.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Should_keep_batchnorm_running_statistics_under_the_quirk_flag()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        var context = Context(original, FourClasses, retain, retain);

        using var quirk = new FineTune().Run(context, new FineTuneHyperParameters { BnEvalQuirk = true, Epochs = 1 })[0].Model;
        using var normal = new FineTune().Run(context, new FineTuneHyperParameters { Epochs = 1 })[0].Model;

        var statistics = Snapshot(original)["bn1.running_mean"];
        Assert.True(Same(statistics, Snapshot(quirk)["bn1.running_mean"]));
        Assert.False(Same(statistics, Snapshot(normal)["bn1.running_mean"]));
        Assert.False(Same(Snapshot(original)["fc.weight"], Snapshot(quirk)["fc.weight"]));
    }

    [Fact]
    public void Should_repeat_bit_for_bit_with_the_augmenting_train_transform()
    {
        using var retain = ColouredSet(32, seed: 1);
        using var original = NewModel(FourClasses);
        var context = Context(original, FourClasses, retain, retain);
        context = new UnlearningContext
        {
            Original = original, Task = FourClasses, Forget = retain, Retain = retain, BatchSize = BatchSize,
            TrainTransform = new Lethe.Data.Transforms.TrainTransform(Side),
        };
        var hyper = new FineTuneHyperParameters { Epochs = 1 };

        using var first = new FineTune().Run(context, hyper)[0].Model;
        using var second = new FineTune().Run(context, hyper)[0].Model;

        var (a, b) = (Snapshot(first), Snapshot(second));
        Assert.All(a, entry => Assert.True(Same(entry.Value, b[entry.Key]), entry.Key));
        Assert.False(Same(a["fc.weight"], Snapshot(original)["fc.weight"]));
    }
}

[CollectionDefinition("Unlearning", DisableParallelization = true)]
public class UnlearningCollection;
