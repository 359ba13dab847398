using Lethe.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// The optimiser steps of one method stage: plain SGD (no momentum, no weight decay: spec §8.1) over the given
/// parameters, each step in its own dispose scope, with cancellation, progress and divergence handling. After a
/// divergence <see cref="Step"/> returns false and the method stops, returning the model as it is.
/// </summary>
internal sealed class TrainingSteps : IDisposable
{
    private readonly UnlearningContext context;
    private readonly string method;
    private readonly optim.Optimizer optimizer;
    private readonly DivergenceWatch watch;

    /// <summary>An SGD optimiser over <paramref name="parameters"/>. <paramref name="stepsBefore"/> counts the steps of
    /// earlier stages, so step numbers stay cumulative over a method's stages.</summary>
    public TrainingSteps(UnlearningContext context, string method, nn.Module model, IEnumerable<Parameter> parameters,
        double learningRate, int stepsBefore = 0)
    {
        if (!(learningRate > 0) || !double.IsFinite(learningRate))
            throw new ArgumentException($"{method}.lr must be a positive number, got {learningRate}", nameof(learningRate));
        this.context = context;
        this.method = method;
        optimizer = optim.SGD(parameters, learningRate);
        watch = new DivergenceWatch(model);
        Steps = stepsBefore;
    }

    /// <summary>What the method is doing now, for progress reports.</summary>
    public string Stage { get; set; } = "";

    public int Steps { get; private set; }

    public int? DivergedAtStep { get; private set; }

    public string? Note { get; private set; }

    public bool Diverged => DivergedAtStep.HasValue;

    /// <summary>
    /// One step that descends <paramref name="loss"/> (called inside the step's scope). A non-finite loss is not
    /// applied: the model keeps its last finite weights. Returns false when the method must stop.
    /// </summary>
    public bool Step(Func<Tensor> loss)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var value = loss();
        var scalar = value.ToDouble();
        if (!DivergenceWatch.LossIsFinite(scalar))
            return Stop(Steps + 1, $"loss became {scalar} at step {Steps + 1} ({Stage}); that step was not applied");
        value.backward();
        optimizer.step();
        Steps++;
        context.Progress?.Report(new UnlearningProgress(method, Stage, Steps, scalar));
        if (watch.WeightsDueAt(Steps) && !watch.WeightsAreFinite())
            return Stop(Steps, $"weights became non-finite by step {Steps} ({Stage})");
        return true;
    }

    /// <summary>The last weight check of a stage, so that no non-finite model leaves unrecorded.</summary>
    public void Finish()
    {
        if (!Diverged && !watch.WeightsAreFinite())
            Stop(Steps, $"weights became non-finite by step {Steps} ({Stage})");
    }

    public void Dispose() => optimizer.Dispose();

    private bool Stop(int step, string note)
    {
        DivergedAtStep = step;
        Note = note;
        return false;
    }
}
