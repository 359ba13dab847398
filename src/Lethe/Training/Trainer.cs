using System.Diagnostics;
using Lethe.Data;
using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Trains a base model with a <see cref="TrainRecipe"/>: one SGD step per batch, step decay at the milestones.
/// The epoch loop fits on one screen, as in torchvision's reference scripts.
/// </summary>
public sealed class Trainer(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Trains <paramref name="model"/> in place for every epoch of the recipe and returns the per-epoch stats. With
    /// <paramref name="checkpoint"/>, each finished epoch is saved and a rerun continues after the last saved one.
    /// </summary>
    public IReadOnlyList<EpochStats> Train(nn.Module<Tensor, Tensor> model, PredictionTask task, BatchLoader loader,
        TrainRecipe recipe, string label = "model", IProgress<TrainProgress>? progress = null,
        CancellationToken cancel = default, EpochCheckpoint? checkpoint = null)
    {
        recipe.Validate();
        var parameters = model.parameters().Where(p => p.requires_grad).ToArray();
        using var optimizer = optim.SGD(parameters, recipe.LearningRate, recipe.Momentum, weight_decay: recipe.WeightDecay);
        var history = new List<EpochStats>(checkpoint?.TryResume(model, optimizer) ?? []);
        if (history.Count > recipe.Epochs) throw new InvalidDataException($"{label}: saved progress has {history.Count} epochs, the recipe {recipe.Epochs}");
        loader.SkipEpochs(history.Count);
        for (int epoch = history.Count; epoch < recipe.Epochs; epoch++)
        {
            double lr = recipe.LearningRateAt(epoch);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            history.Add(TrainOneEpoch(model, task, loader, optimizer, epoch, recipe.Epochs, lr, label, progress, cancel));
            checkpoint?.Save(model, optimizer, history);
        }
        return history;
    }

    /// <summary>One pass over the loader. Only .NET numbers leave each step's dispose scope.</summary>
    public EpochStats TrainOneEpoch(nn.Module<Tensor, Tensor> model, PredictionTask task, BatchLoader loader,
        optim.Optimizer optimizer, int epoch, int epochs, double lr, string label, IProgress<TrainProgress>? progress,
        CancellationToken cancel)
    {
        model.train();
        long started = _clock.GetTimestamp();
        double lossSum = 0, correct = 0, scored = 0;
        int images = 0, step = 0, steps = loader.BatchesPerEpoch;
        foreach (var batch in loader.Epoch())
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                cancel.ThrowIfCancellationRequested();
                optimizer.zero_grad();
                var logits = model.call(batch.Images);
                var loss = task.Loss(logits, batch.Targets);
                loss.backward();
                optimizer.step();
                float lossValue = loss.item<float>();
                if (!float.IsFinite(lossValue))
                    throw new TrainingDivergedException(label, epoch, step, lossValue);
                lossSum += lossValue * batch.Size;
                using (no_grad())
                {
                    var right = task.Correct(logits, batch.Targets);
                    correct += right.sum().item<float>();
                    scored += right.numel();
                }
                images += (int)batch.Size;
            }
            step++;
            double seconds = _clock.GetElapsedTime(started).TotalSeconds;
            progress?.Report(new TrainProgress(label, epoch + 1, epochs, step, steps, lossSum / images, correct / scored,
                seconds > 0 ? images / seconds : 0));
        }
        return new EpochStats(epoch + 1, lr, lossSum / Math.Max(images, 1), correct / Math.Max(scored, 1), images,
            _clock.GetElapsedTime(started));
    }
}

/// <summary>A base model's training loss became NaN or infinite: the recipe does not train on this data.</summary>
public sealed class TrainingDivergedException(string model, int epoch, int step, float loss)
    : Exception($"training {model} diverged at epoch {epoch + 1}, step {step + 1} (loss {loss}); lower the learning rate");
