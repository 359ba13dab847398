using TorchSharp;
using static TorchSharp.torch;
using Lethe.Diagnostics;
using Lethe.Models;

namespace Lethe.Training;

/// <summary>
/// The one definition of an optimiser step in Lethe, shared by base-model training (<see cref="Trainer"/>) and every
/// unlearning method, with the one divergence policy. A step runs in its own dispose scope: check cancellation, zero the
/// gradients, compute the loss, and, if it is not finite, refuse the step, so the model keeps its last finite weights,
/// and record the divergence; otherwise backward, the caller's gradient hook, the optimiser's update. The weights are
/// checked every <see cref="DivergenceWatch.WeightCheckInterval"/> steps and at <see cref="Finish"/>. After a
/// divergence no further step is taken. Recording rather than throwing is the policy because a diverged model is still
/// a result: NegGrad's loss is unbounded and expected to diverge, and a diverged base model is reported as one.
/// </summary>
public sealed class OptimiserSteps(nn.Module model, optim.Optimizer optimizer, CancellationToken cancel = default,
    int stepsBefore = 0)
{
    private readonly DivergenceWatch watch = new(model);

    public optim.Optimizer Optimizer { get; } = optimizer;

    /// <summary>Steps applied so far, counting <c>stepsBefore</c> (the earlier stages of a method).</summary>
    public int Steps { get; private set; } = stepsBefore;

    /// <summary>What the caller is doing now ("epoch 1/2 retain"), quoted in a divergence note.</summary>
    public string Stage { get; set; } = "";

    /// <summary>Set once the loss or the weights became non-finite; no step is taken after that.</summary>
    public Divergence? Divergence { get; private set; }

    /// <summary>
    /// One step that descends <paramref name="loss"/>, computed inside the step's scope; <paramref name="beforeUpdate"/>
    /// runs between backward and the update (to mask gradients, say). Returns the loss when the step was applied, null
    /// when it was refused or training has already stopped.
    /// </summary>
    public double? Step(Func<Tensor> loss, Action? beforeUpdate = null)
    {
        if (Divergence is not null) return null;
        cancel.ThrowIfCancellationRequested();
        TrimNow();
        using var scope = NewDisposeScope();
        Optimizer.zero_grad();
        var value = loss();
        var scalar = Scalars.ToDouble(value); // not value.ToDouble(), which lets its Scalar go mid-read
        if (!DivergenceWatch.LossIsFinite(scalar))
        {
            Divergence = new(Steps + 1, $"loss became {scalar} at step {Steps + 1} ({Stage}); that step was not applied");
            return null;
        }
        value.backward();
        beforeUpdate?.Invoke();
        Optimizer.step();
        Steps++;
        if (watch.WeightsDueAt(Steps)) CheckWeights();
        return scalar;
    }

    /// <summary>Steps between two hand-backs of glibc's free pages (<see cref="Lethe.Diagnostics.NativeAllocator.Trim"/>).</summary>
    public const int TrimInterval = 25;

    private int trimmedAt;

    /// <summary>
    /// Every <see cref="TrimInterval"/> steps, before the next step's scope opens (so the last one's activations are
    /// already freed), hands free allocator pages back. A trim once a training epoch kept base training level across
    /// epochs, but unlearning has no epochs to speak of, and on MUFAC at 64 px UNSIR's cell reached 2.9-3.0 GB resident
    /// against the Original's 2.15 GB high-water mark; within an epoch memory also climbed from 0.6 to 2.1 GB.
    /// </summary>
    private void TrimNow()
    {
        if (Steps - trimmedAt < TrimInterval) return;
        trimmedAt = Steps;
        Lethe.Diagnostics.NativeAllocator.Trim();
    }

    /// <summary>The last weight check of a stage, so that no non-finite model leaves unrecorded.</summary>
    public Divergence? Finish()
    {
        if (Divergence is null) CheckWeights();
        return Divergence;
    }

    private void CheckWeights()
    {
        if (!watch.WeightsAreFinite()) Divergence = new(Steps, $"weights became non-finite by step {Steps} ({Stage})");
    }
}
