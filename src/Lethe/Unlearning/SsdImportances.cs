using Lethe.Data;
using Lethe.Models;

namespace Lethe.Unlearning;

/// <summary>
/// SSD's parameter importances (Foster et al. 2024; if-loops/selective-synaptic-dampening, src/ssd.py
/// calc_importance): the diagonal of the Fisher information, estimated as the mean over batches of squared task-loss
/// gradients, on unaugmented images in order with BatchNorm in evaluation mode. One tensor per parameter, shaped like it.
/// </summary>
internal static class SsdImportances
{
    /// <summary>The training set's importances (retain then forget when the context does not give the training set: the
    /// reference's order), computed once per Original, training set and view; the cache owns them.</summary>
    public static ParameterTensors Global(UnlearningLoop loop)
    {
        var context = loop.Context;
        ImageSet[] sets = context.Train is { } train ? [train] : [context.Retain, context.Forget];
        var data = string.Join("|", sets.SelectMany(set => set.Samples.Select(s => s.Name)));
        return loop.PerOriginal($"global/{context.Task.Name}/{context.EvalTransform}/{context.BatchSize}/{context.Device}/{data}",
            () => Of(loop, sets));
    }

    /// <summary>Mean squared gradients of the task loss over the batches of <paramref name="sets"/>, in order; the
    /// caller owns them.</summary>
    public static ParameterTensors Of(UnlearningLoop loop, IEnumerable<ImageSet> sets) =>
        loop.GradientPass(sets.SelectMany(set => loop.Loader(set, "importance", augment: false).Epoch()),
            batch => loop.Task.Loss(loop.Model.call(batch.Images), batch.Targets), grad => grad.pow(Scalars.Two), average: true); // square() with its Scalar held
}
