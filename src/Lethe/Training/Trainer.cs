using Lethe.Diagnostics;
using Lethe.Data;
using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Trains a base model with a <see cref="TrainRecipe"/>: one SGD step per batch, step decay at the milestones.
/// The epoch loop fits on one screen, as in torchvision's reference scripts. Steps are <see cref="OptimiserSteps"/>,
/// as in unlearning: a divergence stops training and is recorded in the last epoch's <see cref="EpochStats.Divergence"/>.
/// </summary>
public sealed class Trainer(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Trains <paramref name="model"/> in place for every epoch of the recipe, or up to a divergence, and returns the
    /// per-epoch stats. With <paramref name="checkpoint"/>, each finished epoch is saved and a rerun continues after the
    /// last saved one (a diverged epoch is not saved: a rerun repeats it, to the same end).
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
        var steps = new OptimiserSteps(model, optimizer, cancel);
        for (int epoch = history.Count; epoch < recipe.Epochs; epoch++)
        {
            double lr = recipe.LearningRateAt(epoch);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
            history.Add(TrainOneEpoch(model, task, loader, steps, epoch, recipe.Epochs, lr, label, progress));
            if (history[^1].Divergence is not null) break;
            checkpoint?.Save(model, optimizer, history);
        }
        return history;
    }

    /// <summary>One pass over the loader, or up to a divergence. Only .NET numbers leave each step's dispose scope.</summary>
    public EpochStats TrainOneEpoch(nn.Module<Tensor, Tensor> model, PredictionTask task, BatchLoader loader,
        OptimiserSteps steps, int epoch, int epochs, double lr, string label, IProgress<TrainProgress>? progress)
    {
        model.train();
        steps.Stage = $"{label} epoch {epoch + 1}/{epochs}";
        long started = _clock.GetTimestamp();
        double lossSum = 0, correct = 0, scored = 0;
        int images = 0, step = 0, batches = loader.BatchesPerEpoch;
        foreach (var batch in loader.Epoch())
        {
            using (batch)
            {
                float right = 0;
                long counted = 0;
                var loss = steps.Step(() =>
                {
                    var logits = model.call(batch.Images);
                    using (no_grad())
                    {
                        var hits = task.Correct(logits, batch.Targets);
                        (right, counted) = (hits.sum().item<float>(), hits.numel());
                    }
                    return task.Loss(logits, batch.Targets);
                });
                if (loss is not { } value) break;
                lossSum += (float)value * batch.Size;
                correct += right;
                scored += counted;
                images += (int)batch.Size;
            }
            step++;
            if (step < batches) progress?.Report(Progress(resident: 0));
            if (steps.Divergence is not null) break;
        }
        // An epoch's freed activations go back before the resident size is read, once: the epoch's last progress line
        // and its stored history show the same number.
        Lethe.Diagnostics.NativeAllocator.Trim();
        double resident = MemoryProbe.ResidentMiB();
        if (step == batches) progress?.Report(Progress(resident));
        return new EpochStats(epoch + 1, lr, lossSum / Math.Max(images, 1), correct / Math.Max(scored, 1), images,
            _clock.GetElapsedTime(started)) { Divergence = steps.Finish(), ResidentMiB = resident };

        TrainProgress Progress(double resident)
        {
            double seconds = _clock.GetElapsedTime(started).TotalSeconds;
            return new TrainProgress(label, epoch + 1, epochs, step, batches, lossSum / images, correct / scored,
                seconds > 0 ? images / seconds : 0) { ResidentMiB = resident };
        }
    }
}
