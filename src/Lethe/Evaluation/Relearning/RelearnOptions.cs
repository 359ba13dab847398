namespace Lethe.Evaluation.Relearning;

/// <summary>
/// How the relearning test fine-tunes a copy of a model on retain images alone (Siddiqui et al. 2025, "From Dormant to
/// Deleted: Tamper-Resistant Unlearning Through Weight-Space Regularization", arXiv 2505.22310, §3 and §4; public code
/// shoaibahmed/vision_relearning, scripts/train.sh and vision_unlearner.py). The paper's relearning settings are
/// learning rate 1e-5, no weight decay, batch 128, with the script's default optimiser (Adam: <c>--optimizer-name</c>
/// defaults to "adam" and the launcher does not set it), scored every 100 steps over 100 epochs of its relearning set.
/// Lethe keeps the rate, batch, optimiser and weight decay, and runs far fewer steps: see <see cref="Steps"/>.
/// The record is hashed into the result hash and the cell ids (through <c>ExperimentSpec</c>), so a change is never a
/// cache hit; <c>--set relearn.steps=200</c> changes one value.
/// </summary>
/// <param name="Steps">T, optimiser steps per model. Default 100: at 64 px on two cores ResNet-18 trains about 115
/// images/s, so 100 steps of 128 images cost about 110 s per model, and the O and R curves are computed once per base
/// model; the paper's 100 epochs would cost hours per method on a CPU. Most methods the paper tests recover within its
/// first scoring points; raise it when a curve has not levelled off.</param>
/// <param name="LearningRate">The fixed learning rate. Default 1e-5 (the paper's).</param>
/// <param name="BatchSize">Images per step. Default 128 (the paper's).</param>
/// <param name="Optimiser">"adam" (default, the paper code's) or "sgd".</param>
/// <param name="Momentum">SGD momentum; must be 0 with Adam. Default 0.</param>
/// <param name="WeightDecay">SGD weight decay; must be 0 with Adam. Default 0 (the paper's).</param>
/// <param name="ScoreEvery">s, steps between two scorings of forget accuracy (on the evaluation transform); the curve
/// also holds step 0 and step T. Default 20, so a curve has 6 points.</param>
/// <param name="RetainImages">The size of the seeded retain subset relearning trains on (all of retain when smaller).
/// Default 1,024: eight batches, enough that T steps see each image about 12 times rather than memorise a handful.</param>
/// <param name="Seed">Seed of the subset, its order and augmentation; null = the run's seed.</param>
public sealed record RelearnOptions(
    int Steps = 100,
    double LearningRate = 1e-5,
    int BatchSize = 128,
    string Optimiser = "adam",
    double Momentum = 0,
    double WeightDecay = 0,
    int ScoreEvery = 20,
    int RetainImages = 1024,
    long? Seed = null)
{
    public static RelearnOptions Default { get; } = new();

    /// <summary>The step numbers forget accuracy is scored at: 0, s, 2s, ..., and T.</summary>
    public IReadOnlyList<int> ScoringSteps() =>
        [.. Enumerable.Range(0, Steps / ScoreEvery + 1).Select(i => i * ScoreEvery), .. Steps % ScoreEvery == 0 ? [] : new[] { Steps }];

    /// <summary>Throws for a value that cannot relearn anything, naming the setting as --set spells it.</summary>
    /// <exception cref="ArgumentException">The bad value, named.</exception>
    public void Validate()
    {
        if (Steps < 1) throw new ArgumentException($"relearn.steps must be >= 1, got {Steps}");
        if (ScoreEvery < 1) throw new ArgumentException($"relearn.scoreEvery must be >= 1, got {ScoreEvery}");
        if (BatchSize < 1) throw new ArgumentException($"relearn.batchSize must be >= 1, got {BatchSize}");
        if (RetainImages < 1) throw new ArgumentException($"relearn.retainImages must be >= 1, got {RetainImages}");
        if (Optimiser is not ("adam" or "sgd")) throw new ArgumentException($"relearn.optimiser must be adam or sgd, got '{Optimiser}'");
        if (Optimiser == "adam" && (Momentum != 0 || WeightDecay != 0))
            throw new ArgumentException("relearn: momentum and weight decay apply to sgd only; set relearn.optimiser=sgd");
        ToOptimiser().Validate("relearn");
    }

    /// <summary>The optimiser record the library's step builds from.</summary>
    public Unlearning.Optimiser ToOptimiser() => Optimiser == "adam"
        ? Unlearning.Optimiser.Adam(LearningRate)
        : Unlearning.Optimiser.Sgd(LearningRate, Momentum, WeightDecay);

    /// <summary>One line for progress and reports.</summary>
    public string Describe() =>
        $"{Steps} steps of {Optimiser} lr {LearningRate}" + (Momentum > 0 ? $" momentum {Momentum}" : "")
        + (WeightDecay > 0 ? $" wd {WeightDecay}" : "") + $", batch {BatchSize}, on {RetainImages} retain images, forget scored every {ScoreEvery} steps";
}
