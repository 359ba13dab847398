using Lethe.Data;

namespace Lethe.Unlearning;

/// <summary>NegGrad hyper-parameters (spec §8.4); Advanced NegGrad extends them.</summary>
public record NegGradHyperParameters
{
    /// <summary>SGD learning rate. Default 0.001.</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Epochs of the loop shape. Default 2.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>
    /// Use one loop shape for every variant instead of the reference's per-variant shapes: an epoch is one pass over
    /// the forget set, full batches only (paired in lockstep with retain batches where the method needs them).
    /// Default false.
    /// </summary>
    public bool UnifiedLoop { get; init; }
}

/// <summary>
/// NegGrad ("Grad Asc"): gradient ascent on the forget set, one SGD step on −Loss(forget batch) per iteration
/// (spec §8.4). The loss is unbounded and diverges quickly; divergence is recorded, not thrown.
/// </summary>
public sealed class NegGrad : UnlearningMethod<NegGradHyperParameters>
{
    public override string Key => "neggrad";

    public override IReadOnlyList<string> LabelsFor(NegGradHyperParameters hyperParameters) => ["Grad Asc"];

    public override NegGradHyperParameters Defaults(UnlearningVariant variant) => new();

    public override IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, NegGradHyperParameters hyper)
    {
        var start = context.Time.GetTimestamp();
        var model = context.CopyOriginal();
        model.train();
        using var steps = new TrainingSteps(context, Key, model, model.parameters(), hyper.Lr);
        var forgetLoader = context.TrainLoader(context.Forget, Stream("forget"));
        using var cycling = new CyclingBatches(forgetLoader);
        var schedule = Schedule(UsesRetainClock(context.Variant, hyper.UnifiedLoop), hyper.Epochs, context.Retain.Count,
            context.BatchSize, forgetLoader.Epoch, cycling.Next, Sizing.Batches);
        foreach (var (epoch, batch) in schedule)
            using (batch)
            {
                steps.Stage = $"epoch {epoch}/{hyper.Epochs} forget ascent";
                if (!steps.Step(() => -context.Task.Loss(model.call(batch.Images), batch.Targets))) break;
            }
        steps.Finish();
        return [Result("Grad Asc", model, context, start, steps)];
    }

    /// <summary>MUFAC and binary tick on the retain loader; multi-label passes over the forget loader (spec §8.4).</summary>
    internal static bool UsesRetainClock(UnlearningVariant variant, bool unifiedLoop) =>
        !unifiedLoop && variant != UnlearningVariant.MultiLabel;

    /// <summary>
    /// The forget batches NegGrad steps on, with their 1-based epoch. With the retain clock only the retain set's
    /// batch sizes matter, so the clock runs on sizes and no retain image is loaded.
    /// </summary>
    internal static IEnumerable<(int Epoch, T Forget)> Schedule<T>(bool retainClock, int epochs, int retainCount,
        int batchSize, Func<IEnumerable<T>> forgetEpoch, Func<T> nextForget, Sizing<T> sizing)
    {
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var batches = retainClock
                ? BatchPairing.RetainClock(BatchPairing.Sizes(retainCount, batchSize), nextForget, Sizing.Counts, sizing)
                    .Select(pair => pair.Forget)
                : BatchPairing.FullOnly(forgetEpoch(), batchSize, sizing);
            foreach (var batch in batches)
                yield return (epoch, batch);
        }
    }

    /// <summary>The optimiser steps a run takes for these set sizes (the loop shape without training).</summary>
    internal static int PlannedSteps(UnlearningVariant variant, bool unifiedLoop, int retainCount, int forgetCount,
        int batchSize, int epochs) =>
        Schedule(UsesRetainClock(variant, unifiedLoop), epochs, retainCount, batchSize,
            () => BatchPairing.Sizes(forgetCount, batchSize),
            BatchPairing.NextOf(BatchPairing.CyclingSizes(forgetCount, batchSize)), Sizing.Counts).Count();
}
