using System.Diagnostics;
using Lethe.Data;
using Lethe.Models;
using Lethe.Numerics;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Relearning;

/// <summary>
/// The relearning test's procedure (Siddiqui et al. 2025, "From Dormant to Deleted", arXiv 2505.22310, §3): fine-tune a
/// COPY of a model on a seeded subset of retain, with no forget image, for T steps at a fixed small learning rate,
/// scoring forget accuracy (evaluation transform) before the first step and every s steps. The steps are the library's
/// one step (<see cref="OptimiserSteps"/>: its own dispose scope, the divergence policy), BatchNorm in training mode as
/// fine-tuning has it. The model given is never changed. Deterministic for a seed and a torch thread count.
/// </summary>
public static class Relearner
{
    /// <summary>Relearns a copy of <paramref name="model"/> and returns its forget-accuracy curve.</summary>
    /// <param name="forget">The forget set scored (never trained on).</param>
    /// <param name="label">Names the model in progress lines and divergence notes.</param>
    /// <exception cref="ArgumentException">A bad setting (named).</exception>
    /// <exception cref="InvalidOperationException">The training subset holds a forget image.</exception>
    public static RelearnCurve Run(nn.Module<Tensor, Tensor> model, ImageSet forget, PredictionTask task, IImageTransform evalTransform,
        Device device, RelearnSetup setup, string label)
    {
        var options = setup.Options;
        options.Validate();
        var clock = Stopwatch.StartNew();
        using var copy = Networks.Copy(model, setup.Architecture, task.Outputs, device);
        foreach (var p in copy.parameters()) p.requires_grad = true; // a copy of a frozen teacher would not train
        using var subset = setup.Retain.Subset(RetainSample.Rows(setup.Retain.Count, options.RetainImages, Seeds.Derive(setup.EffectiveSeed, "relearn/subset")));
        AssertNoForgetImage(subset, forget);
        var loader = new BatchLoader(subset, task, setup.TrainTransform, BatchOptions.Training with { BatchSize = options.BatchSize },
            device, setup.EffectiveSeed, "relearn/train");
        using var batches = new CyclingBatches(loader);
        using var optimizer = options.ToOptimiser().Create(copy.parameters(), "relearn");
        var steps = new OptimiserSteps(copy, optimizer, setup.Cancel) { Stage = $"relearning {label}" };
        var scoredAt = options.ScoringSteps();
        var (at, accuracy) = (new List<int> { 0 }, new List<double> { Score() });
        for (int step = 1; step <= options.Steps; step++)
        {
            copy.train();
            using (var batch = batches.Next())
                steps.Step(() => task.Loss(copy.call(batch.Images), batch.Targets));
            if (steps.Divergence is not null) break;
            if (step == scoredAt[at.Count]) (at, accuracy) = ([.. at, step], [.. accuracy, Score()]);
        }
        var divergence = steps.Finish()?.Note;
        var curve = new RelearnCurve(at, accuracy, clock.Elapsed.TotalSeconds) { Divergence = divergence };
        setup.Progress?.Report($"relearned {label}: {steps.Steps} steps on {subset.Count} retain images in {curve.Seconds:F1} s, "
            + $"forget acc {NumberText.Of(curve.ForgetAccuracy[0])} → {NumberText.Of(curve.Final)}" + (divergence is null ? "" : $"; stopped: {divergence}"));
        setup.Made?.Invoke(curve);
        return curve;

        double Score() => SetScorer.Score(copy, task, forget, evalTransform, device).Accuracy;
    }

    /// <summary>
    /// Throws when <paramref name="training"/> holds an image of <paramref name="forget"/> (by sample name): the test is
    /// void if relearning sees the forget set. Identities are not checked, because a forget set of images (MUFAC's default
    /// "first:1500") leaves other images of the same people in retain, legitimately.
    /// </summary>
    /// <exception cref="InvalidOperationException">Names the first forget image found and how many there are.</exception>
    public static void AssertNoForgetImage(ImageSet training, ImageSet forget)
    {
        var names = forget.Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var found = training.Samples.Where(s => names.Contains(s.Name)).ToArray();
        if (found.Length > 0)
            throw new InvalidOperationException($"relearning's training images include {found.Length} forget image(s), first {found[0].Name}: "
                + "the relearning test trains on retain alone");
    }
}
