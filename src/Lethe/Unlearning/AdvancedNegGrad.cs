using Lethe.Data;

namespace Lethe.Unlearning;

/// <summary>Advanced NegGrad hyper-parameters: NegGrad's, same defaults (spec §8.5).</summary>
public sealed record AdvancedNegGradHyperParameters : NegGradHyperParameters;

/// <summary>
/// Advanced NegGrad ("Advanced Grad Asc", "Enhanced NegGrad" in the paper): one SGD step on
/// Loss(retain batch) − Loss(forget batch) per pair, both batches forwarded before the step (spec §8.5).
/// </summary>
public sealed class AdvancedNegGrad : UnlearningMethod<AdvancedNegGradHyperParameters>
{
    public override string Key => "advneggrad";

    public override IReadOnlyList<string> LabelsFor(AdvancedNegGradHyperParameters hyperParameters) => ["Advanced Grad Asc"];

    public override AdvancedNegGradHyperParameters Defaults(UnlearningVariant variant) => new();

    public override IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, AdvancedNegGradHyperParameters hyper)
    {
        var start = context.Time.GetTimestamp();
        var model = context.CopyOriginal();
        model.train();
        using var steps = new TrainingSteps(context, Key, model, model.parameters(), hyper.Lr);
        var retainLoader = context.TrainLoader(context.Retain, Stream("retain"));
        var forgetLoader = context.TrainLoader(context.Forget, Stream("forget"));
        using var cycling = new CyclingBatches(forgetLoader);
        var task = context.Task;
        var schedule = Schedule(UsesRetainClock(context.Variant, hyper.UnifiedLoop), hyper.Epochs, context.BatchSize,
            retainLoader.Epoch, forgetLoader.Epoch, cycling.Next, Sizing.Batches, Sizing.Batches);
        foreach (var (epoch, retain, forget) in schedule)
            using (retain)
            using (forget)
            {
                steps.Stage = $"epoch {epoch}/{hyper.Epochs} retain descent, forget ascent";
                if (!steps.Step(() => task.Loss(model.call(retain.Images), retain.Targets)
                                      - task.Loss(model.call(forget.Images), forget.Targets)))
                    break;
            }
        steps.Finish();
        return [Result("Advanced Grad Asc", model, context, start, steps)];
    }

    /// <summary>MUFAC pairs as NegGrad (retain clock, cycling forget stream); MUCAC pairs in lockstep (spec §8.5).</summary>
    internal static bool UsesRetainClock(UnlearningVariant variant, bool unifiedLoop) =>
        !unifiedLoop && variant == UnlearningVariant.MultiClass;

    /// <summary>The (retain, forget) pairs Advanced NegGrad steps on, with their 1-based epoch.</summary>
    internal static IEnumerable<(int Epoch, TR Retain, TF Forget)> Schedule<TR, TF>(bool retainClock, int epochs,
        int batchSize, Func<IEnumerable<TR>> retainEpoch, Func<IEnumerable<TF>> forgetEpoch, Func<TF> nextForget,
        Sizing<TR> retainSizing, Sizing<TF> forgetSizing)
    {
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var pairs = retainClock
                ? BatchPairing.RetainClock(retainEpoch(), nextForget, retainSizing, forgetSizing)
                : BatchPairing.Lockstep(retainEpoch(), forgetEpoch(), batchSize, retainSizing, forgetSizing);
            foreach (var (retain, forget) in pairs)
                yield return (epoch, retain, forget);
        }
    }

    /// <summary>The optimiser steps a run takes for these set sizes (the loop shape without training).</summary>
    internal static int PlannedSteps(UnlearningVariant variant, bool unifiedLoop, int retainCount, int forgetCount,
        int batchSize, int epochs) =>
        Schedule(UsesRetainClock(variant, unifiedLoop), epochs, batchSize,
            () => BatchPairing.Sizes(retainCount, batchSize), () => BatchPairing.Sizes(forgetCount, batchSize),
            BatchPairing.NextOf(BatchPairing.CyclingSizes(forgetCount, batchSize)), Sizing.Counts, Sizing.Counts).Count();
}
