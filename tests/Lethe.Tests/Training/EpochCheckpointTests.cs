using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Models;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

public class EpochCheckpointTests
{
    private static readonly TrainRecipe Recipe = new("tiny", 0.05, 0.9, 3, [2]);

    private static (nn.Module<Tensor, Tensor> Model, IReadOnlyList<EpochStats> History) Train(ImageSet set,
        EpochCheckpoint? checkpoint, int stopAfterEpochs = int.MaxValue, List<int>? epochsTrained = null)
    {
        var model = Networks.Create("resnet18", 8, CPU, initSeed: 5);
        var loader = new BatchLoader(set, MultiClassTask.AgeGroups, new EvalTransform(16), BatchOptions.Training with { Prefetch = false }, CPU, 1, "train");
        using var stop = new CancellationTokenSource();
        // Cancels at the first step of the epoch after the last one allowed: an interruption mid-run.
        var progress = new Lethe.Experiments.SyncProgress<TrainProgress>(p =>
        {
            if (p.Epoch > stopAfterEpochs) stop.Cancel();
            epochsTrained?.Add(p.Epoch);
        });
        try
        {
            return (model, new Trainer().Train(model, MultiClassTask.AgeGroups, loader, Recipe, "tiny", progress, stop.Token, checkpoint));
        }
        catch (OperationCanceledException)
        {
            return (model, []);
        }
    }

    private static float[] Weights(nn.Module<Tensor, Tensor> model) =>
        model.parameters().SelectMany(p => p.detach().cpu().flatten().data<float>().ToArray()).ToArray();

    [Fact]
    public void An_interrupted_training_resumes_at_its_next_epoch_and_ends_where_an_uninterrupted_one_does()
    {
        var threads = get_num_threads();
        TorchThreads.Set(1); // bit-identical results need one thread count throughout
        try
        {
            using var set = TinyData.Classes(128); // two batches an epoch, so the interruption falls inside epoch 2
            using var dir = new TempDirectory();
            var checkpoint = new EpochCheckpoint(Path.Combine(dir.Path, "model"));

            var (whole, wholeHistory) = Train(set, checkpoint: null);
            var (interrupted, partial) = Train(set, checkpoint, stopAfterEpochs: 1);
            Assert.Empty(partial);
            Assert.True(File.Exists(Path.Combine(dir.Path, "model.progress.json")));
            var epochsTrained = new List<int>();
            var (resumed, history) = Train(set, checkpoint, epochsTrained: epochsTrained);

            Assert.Equal([2, 3], epochsTrained.Distinct());
            Assert.Equal(3, history.Count);
            Assert.Equal(wholeHistory[0].Loss, history[0].Loss); // epoch 1 comes from the saved state, not retrained
            Assert.Equal(Weights(whole), Weights(resumed));
            foreach (var m in new[] { whole, interrupted, resumed }) m.Dispose();
        }
        finally
        {
            TorchThreads.Set(threads);
        }
    }

    [Fact]
    public void A_damaged_progress_file_is_ignored_and_removed()
    {
        using var dir = new TempDirectory();
        var prefix = Path.Combine(dir.Path, "model");
        File.WriteAllText(prefix + ".progress.json", "{ not json");
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 5);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        Assert.Empty(new EpochCheckpoint(prefix).TryResume(model, optimizer));
        Assert.False(File.Exists(prefix + ".progress.json"));
    }

    [Fact]
    public void A_saved_epoch_whose_weights_changed_afterwards_is_trained_again_not_resumed()
    {
        using var dir = new TempDirectory();
        var prefix = Path.Combine(dir.Path, "model");
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 5);
        using var optimizer = optim.SGD(model.parameters(), 0.1);
        var checkpoint = new EpochCheckpoint(prefix);
        checkpoint.Save(model, optimizer, [new EpochStats(1, 0.1, 2.0, 0.2, 10, TimeSpan.FromSeconds(1))]);
        CheckpointCacheVerificationTests.FlipByte(prefix + ".e1.weights");

        Assert.Empty(checkpoint.TryResume(model, optimizer));
        Assert.StartsWith($"{prefix}.e1.weights: changed after it was written", checkpoint.LastRejection);
        Assert.False(File.Exists(prefix + ".progress.json"));
    }
}
