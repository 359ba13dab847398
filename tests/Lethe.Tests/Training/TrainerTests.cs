using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Models;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void Training_lowers_the_loss_and_reports_every_epoch()
    {
        using var set = TinyData.Classes(128);
        // A private init seed: parallel tests seed and draw from LibTorch's global generator.
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 3);
        var loader = new BatchLoader(set, MultiClassTask.AgeGroups, new EvalTransform(16), BatchOptions.Training, CPU, 1, "train");
        var recipe = new TrainRecipe("tiny", 0.05, 0.9, 6, [4]);
        var reported = new List<TrainProgress>();

        var history = new Trainer().Train(model, MultiClassTask.AgeGroups, loader, recipe, "tiny", new Lethe.Experiments.SyncProgress<TrainProgress>(reported.Add),
            TestContext.Current.CancellationToken);

        Assert.Equal(6, history.Count);
        Assert.True(history[^1].Loss < history[0].Loss * 0.7, $"loss {history[0].Loss:F3} -> {history[^1].Loss:F3}");
        Assert.Equal(0.005, history[^1].LearningRate, 12);
        Assert.All(history, h => Assert.Equal(128, h.Images));
        Assert.Equal(6 * loader.BatchesPerEpoch, reported.Count);
        // Each epoch's last line shows the resident memory its history stores (after the epoch's trim), no other.
        var epochEnds = reported.Where(p => p.Step == p.Steps).ToArray();
        Assert.Equal(history.Select(h => h.ResidentMiB), epochEnds.Select(p => p.ResidentMiB));
        Assert.All(history, h => Assert.True(h.ResidentMiB > 0));
        Assert.All(reported.Where(p => p.Step < p.Steps), p => Assert.Equal(0, p.ResidentMiB));
    }

    [Fact]
    public void A_non_finite_loss_stops_training_without_applying_the_step_and_is_recorded_not_thrown()
    {
        using var set = TinyData.Classes(64);
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 3);
        using (no_grad()) model.named_parameters().Single(p => p.name == "fc.bias").parameter.fill_(float.NaN);
        var before = model.named_parameters().Single(p => p.name == "conv1.weight").parameter.data<float>().ToArray();
        var loader = new BatchLoader(set, MultiClassTask.AgeGroups, new EvalTransform(16), BatchOptions.Training, CPU, 1, "train");

        var history = new Trainer().Train(model, MultiClassTask.AgeGroups, loader, new TrainRecipe("tiny", 0.05, 0.9, 3, []), "tiny",
            cancel: TestContext.Current.CancellationToken);

        var epoch = Assert.Single(history);
        Assert.Equal(1, epoch.Divergence?.Step);
        Assert.Contains("NaN", epoch.Divergence!.Note);
        Assert.Equal(0, epoch.Images);
        Assert.Equal(before, model.named_parameters().Single(p => p.name == "conv1.weight").parameter.data<float>().ToArray());
    }
}
