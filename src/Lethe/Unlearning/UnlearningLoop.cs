using System.Runtime.CompilerServices;
using Lethe.Data;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using Lethe.Diagnostics;
using Lethe.Numerics;

namespace Lethe.Unlearning;

/// <summary>
/// The one unlearning loop: everything a method does that is not its algorithm. It copies the Original (once, on first
/// use of <see cref="Model"/>), sets the BatchNorm mode, builds the optimiser, runs every step in its own dispose scope
/// through <see cref="OptimiserSteps"/> (cancellation, the divergence policy), reports progress, keeps the clock, and
/// turns the models a method emits into results labelled in the order the method declared. Its hooks are what the
/// algorithms need beyond "descend this loss": a target transform (<see cref="RandomTargets"/>), a gradient hook
/// between backward and update (<see cref="Train"/>), a gradient-only pass (<see cref="GradientPass"/>) and an
/// intermediate model (<see cref="Emit"/>). It owns and disposes what it hands out (teachers, generators, streams).
/// </summary>
public sealed class UnlearningLoop : IDisposable
{
    private readonly string method;
    private readonly IReadOnlyList<string> labels;
    private readonly long started;
    private readonly List<UnlearnedModel> results = [];
    private readonly List<IDisposable> owned = [];
    private nn.Module<Tensor, Tensor>? model;
    private OptimiserSteps? steps;
    private Action? gradientHook;
    private Parameter[] frozen = [];
    private int stepsBefore;
    private string? inheritedNote;
    private string? unchangedNote;
    private string? description;
    private Divergence? afreshDivergence;

    internal UnlearningLoop(UnlearningContext context, string method, IReadOnlyList<string> labels)
    {
        Context = context;
        this.method = method;
        this.labels = labels;
        started = context.Time.GetTimestamp();
    }

    public UnlearningContext Context { get; }

    public PredictionTask Task => Context.Task;

    /// <summary>The copy of the Original being unlearned, made on first use.</summary>
    public nn.Module<Tensor, Tensor> Model => model ??= Context.CopyOriginal();

    /// <summary>Optimiser steps taken so far, over all stages.</summary>
    public int Steps => steps?.Steps ?? stepsBefore;

    /// <summary>The current stage diverged: <see cref="Each{T}"/> yields nothing more until the next <see cref="Train"/>.</summary>
    public bool Stopped => steps?.Divergence is not null;

    /// <summary>
    /// Starts a training stage: BatchNorm in training mode unless <paramref name="batchNormTraining"/> is false, a fresh
    /// <paramref name="optimiser"/> over the parameters whose names <paramref name="trains"/> accepts (default all; the
    /// others are frozen for the run), and <paramref name="gradientHook"/> applied to each (name, parameter) between
    /// backward and the update. Returns <see cref="Model"/>.
    /// </summary>
    public nn.Module<Tensor, Tensor> Train(Optimiser optimiser, bool batchNormTraining = true,
        Func<string, bool>? trains = null, Action<string, Parameter>? gradientHook = null)
    {
        Model.train(batchNormTraining);
        var named = Model.named_parameters().ToArray();
        var trainable = named.Where(p => trains?.Invoke(p.name) ?? true).ToArray();
        foreach (var p in frozen) p.requires_grad = true;
        frozen = named.Except(trainable).Select(p => p.parameter).ToArray();
        foreach (var p in frozen) p.requires_grad = false;
        var (before, previous) = (Steps, steps);
        steps = new OptimiserSteps(Model, optimiser.Create(trainable.Select(p => p.parameter), method),
            Context.CancellationToken, before);
        previous?.Optimizer.Dispose();
        this.gradientHook = gradientHook is null ? null : () =>
        {
            using var noGrad = no_grad();
            foreach (var (name, p) in trainable)
                if (p.grad is not null) gradientHook(name, p);
        };
        return Model;
    }

    /// <summary>
    /// Replaces <see cref="Model"/> with a network drawn afresh on the method's stream "init" and trains it on the retain
    /// set as a base model is trained: the base models' <see cref="Trainer"/> with <paramref name="recipe"/> (its schedule,
    /// batch size and epoch-reseed quirk), batches drawn on the method's stream "train". Its steps and a divergence count
    /// as the method's own, and each step is reported as a method's step is (its loss the epoch's running mean, as the
    /// trainer reports it). Returns <see cref="Model"/>.
    /// </summary>
    public nn.Module<Tensor, Tensor> TrainAfresh(TrainRecipe recipe)
    {
        if (steps is not null) throw new InvalidOperationException($"{method}: TrainAfresh replaces the model, so it cannot follow Train in one stage");
        model?.Dispose();
        model = RandomNetwork("init");
        var loader = new BatchLoader(Context.Retain, Task, Context.TrainTransform,
            BatchOptions.Training with { BatchSize = recipe.BatchSize, ReplayFirstEpoch = recipe.EpochReseedQuirk },
            Context.Device, Context.Seed, Stream("train"));
        var before = Steps;
        var progress = Context.Progress is { } sink ? new EpochProgress(p => sink.Report(new UnlearningProgress(method,
            $"epoch {p.Epoch}/{p.Epochs} retain, from scratch", before + (p.Epoch - 1) * p.Steps + p.Step, p.Loss))) : null;
        var history = new Trainer(Context.Time).Train(model, Task, loader, recipe, method, progress, Context.CancellationToken);
        // Every batch of an epoch but the last is full, so an epoch's images give its steps, a diverged one's included.
        stepsBefore = before + history.Sum(e => (e.Images + recipe.BatchSize - 1) / recipe.BatchSize);
        afreshDivergence = history[^1].Divergence;
        return model;
    }

    /// <summary>One optimiser step on <paramref name="loss"/>, in its own dispose scope; <paramref name="stage"/> names it in
    /// progress reports and divergence notes.</summary>
    public void Step(string stage, Func<Tensor> loss)
    {
        var current = steps ?? throw new InvalidOperationException($"{method}: call Train before Step");
        current.Stage = stage;
        if (current.Step(loss, gradientHook) is { } value)
            Context.Progress?.Report(new UnlearningProgress(method, stage, current.Steps, value));
    }

    /// <summary>Fine-tuning's step on every scheduled batch: the task loss, plus <paramref name="penalty"/> of the epoch.</summary>
    public void Fit(IEnumerable<(int Epoch, Batch Batch)> schedule, Func<int, string> stage,
        Func<int, Tensor>? penalty = null)
    {
        foreach (var (epoch, batch) in Each(schedule))
            Step(stage(epoch), () =>
            {
                var loss = Task.Loss(Model.call(batch.Images), batch.Targets);
                return penalty is null ? loss : loss.add(penalty(epoch), Scalars.One);
            });
    }

    /// <summary>
    /// The scheduled items one by one, each disposed (with every batch in it) once the caller moves on, stopping as soon
    /// as the stage diverged; leaving early stops the loaders' background work.
    /// </summary>
    public IEnumerable<T> Each<T>(IEnumerable<T> schedule)
    {
        if (Stopped) yield break;
        foreach (var item in schedule)
        {
            try
            {
                yield return item;
            }
            finally
            {
                DisposeAll(item);
            }
            if (Stopped) yield break;
        }
    }

    /// <summary>
    /// The gradient-only pass (no update), with BatchNorm in evaluation mode: for each batch, in its own scope, the
    /// gradient of <paramref name="loss"/> for every parameter, mapped by <paramref name="map"/> and summed over batches
    /// (divided by the number of batches when <paramref name="average"/>). The caller owns the result.
    /// </summary>
    public ParameterTensors GradientPass(IEnumerable<Batch> batches, Func<Batch, Tensor> loss, Func<Tensor, Tensor> map,
        bool average = false)
    {
        var named = Model.named_parameters().ToArray();
        var sums = named.ToDictionary(p => p.name, p => zeros_like(p.parameter).DetachFromDisposeScope());
        var wasTraining = Model.training;
        Model.eval();
        int count = 0;
        foreach (var batch in batches)
        {
            using (batch)
            using (NewDisposeScope())
            {
                Context.CancellationToken.ThrowIfCancellationRequested();
                Model.zero_grad();
                loss(batch).backward();
                using (no_grad())
                    foreach (var (name, p) in named)
                        if (p.grad is { } grad) sums[name].add_(map(grad), Scalars.One);
            }
            // A gradient pass is a run of steps without updates, so it hands free pages back as OptimiserSteps does:
            // without this SSD's passes over the whole train set peaked at 2.0-2.7 GB on MUFAC at 64 px.
            if (++count % OptimiserSteps.TrimInterval == 0) NativeAllocator.Trim();
        }
        Model.zero_grad();
        Model.train(wasTraining);
        if (average)
        {
            using var batchCount = Math.Max(count, 1).ToScalar(); // held through the calls that read it (see Scalars)
            foreach (var sum in sums.Values) sum.div_(batchCount);
        }
        return new ParameterTensors(sums);
    }

    /// <summary>A shuffled, augmented loader over <paramref name="set"/> on the method's stream "unlearn/&lt;key&gt;/<paramref name="stream"/>";
    /// unaugmented and in order when <paramref name="augment"/> is false; targets from <paramref name="task"/> (default the task's);
    /// every epoch the first one's order and augmentation with <paramref name="replayFirstEpoch"/> (the reference's per-epoch reseed).</summary>
    public BatchLoader Loader(ImageSet set, string stream, PredictionTask? task = null, bool augment = true,
        bool replayFirstEpoch = false) =>
        new(set, task ?? Task, augment ? Context.TrainTransform : Context.EvalTransform,
            new BatchOptions(Context.BatchSize, Shuffle: augment, ReplayFirstEpoch: replayFirstEpoch), Context.Device,
            Context.Seed, Stream(stream));

    /// <summary>The reference's cycling stream over <paramref name="loader"/> (<see cref="CyclingBatches"/>), as a
    /// "next batch" function.</summary>
    public Func<Batch> Cycling(BatchLoader loader) => Own(new CyclingBatches(loader)).Next;

    /// <summary>A random generator on the method's stream.</summary>
    public Generator Generator(string stream) => Own(Seeds.Generator(Context.Seed, Stream(stream)));

    /// <summary>The target transform: the same batches with targets drawn by the task's random-label rule
    /// (<see cref="PredictionTask.RandomTargets"/>) from the method's stream.</summary>
    public Func<IEnumerable<Batch>> RandomTargets(Func<IEnumerable<Batch>> epoch, string stream)
    {
        var random = Generator(stream);
        return () => epoch().Select(batch =>
        {
            using var scope = NewDisposeScope();
            var targets = Task.RandomTargets(batch.Targets, random).MoveToOuterDisposeScope();
            batch.Targets.Dispose();
            return new Batch(batch.Images, targets);
        });
    }

    /// <summary>A frozen network (evaluation mode, no gradients), disposed with the loop: a teacher.</summary>
    public nn.Module<Tensor, Tensor> Teacher(nn.Module<Tensor, Tensor> network)
    {
        network.eval();
        foreach (var p in network.parameters()) p.requires_grad = false;
        return Own(network);
    }

    /// <summary>A freshly initialised network of the Original's architecture, drawn from the method's stream.</summary>
    public nn.Module<Tensor, Tensor> RandomNetwork(string stream) =>
        Networks.Create(Context.Architecture, Task.Outputs, Context.Device, Seeds.Derive(Context.Seed, Stream(stream)));

    /// <summary>A value that depends only on the Original and what <paramref name="description"/> names (data, view),
    /// computed once per process (<see cref="OriginalCache"/>): the cache must own it, so the caller never disposes it.</summary>
    public T PerOriginal<T>(string description, Func<T> compute) where T : class =>
        OriginalCache.GetOrAdd(Context.Original, $"{method}/{description}", compute);

    /// <summary>Disposes <paramref name="resource"/> with the loop.</summary>
    public T Own<T>(T resource) where T : IDisposable
    {
        owned.Add(resource);
        return resource;
    }

    /// <summary>Emits a copy of the model as it stands as the result for the next declared label (UNSIR's stage 1) and
    /// closes the stage: the next one starts with <see cref="Train"/>.</summary>
    public void Emit() => results.Add(Close(final: false));

    /// <summary>The model as it stands becomes the result for the last declared label; returns every result.</summary>
    internal IReadOnlyList<UnlearnedModel> Finish()
    {
        if (results.Count != labels.Count - 1)
            throw new InvalidOperationException($"{method} emitted {results.Count + 1} models for the labels {string.Join(", ", labels)}");
        results.Add(Close(final: true));
        return results;
    }

    public void Dispose()
    {
        steps?.Optimizer.Dispose();
        foreach (var resource in owned) resource.Dispose();
        model?.Dispose();
        if (results.Count < labels.Count)
            foreach (var result in results) result.Model.Dispose(); // a failed run hands nothing out
    }

    private UnlearnedModel Close(bool final)
    {
        var divergence = steps is { } current ? current.Finish()
            : afreshDivergence ?? (new DivergenceWatch(Model).WeightsAreFinite() ? null : new Divergence(Steps, "weights are non-finite"));
        afreshDivergence = null;
        var elapsed = Context.Time.GetElapsedTime(started);
        var label = labels[results.Count];
        var idle = divergence is null && steps is { } trained && trained.Steps == stepsBefore;
        var unchanged = divergence is not null ? StartingModel.No
            : idle ? StartingModel.TookNoStep
            : unchangedNote is not null ? StartingModel.ChangedNoWeight : StartingModel.No;
        var note = divergence?.Note ?? (idle ? Idle() : null) ?? unchangedNote ?? inheritedNote ?? description;
        inheritedNote = divergence is null ? null : $"continues from {label}, which diverged at step {divergence.Step}";
        (unchangedNote, description) = (null, null);
        (stepsBefore, gradientHook) = (Steps, null);
        steps?.Optimizer.Dispose();
        steps = null;
        var emitted = final ? Release() : Networks.Copy(Model, Context.Architecture, Task.Outputs, Context.Device);
        return new UnlearnedModel(label, emitted, elapsed, stepsBefore, divergence is not null, divergence?.Step, note, unchanged);
    }


    /// <summary>
    /// Why a model that was trained took no step: the reference's loop shapes skip every batch that is not full (NegGrad,
    /// Advanced NegGrad, UNSIR's impair stage), so a forget set smaller than one batch leaves the model as it started.
    /// The result is still a real model, but the report must not present it as the method's effect.
    /// </summary>
    private string Idle() => $"took no optimiser step: its loop skipped every batch (full batches of {Context.BatchSize} "
        + $"only; the forget set has {Context.Forget.Count} images), so this model is the one it started from";


    /// <summary>
    /// Records that the method, without training, left every weight of <see cref="Model"/> as it was (SSD when no weight
    /// passes its selection): the next emitted model carries the note, as a model that took no step does.
    /// </summary>
    /// <param name="why">Why nothing changed, in the method's own terms, e.g. "no weight's forget importance exceeded α = 10 times its global importance".</param>
    public void Unchanged(string why) => unchangedNote = $"changed no weight: {why}, so this model is the one it started from";

    /// <summary>
    /// Records what the method did to <see cref="Model"/> when a count says more than its numbers (SSD: how many weights
    /// it dampened); the next emitted model carries it as its note unless a warning (divergence, no step, no change)
    /// takes that place.
    /// </summary>
    public void Describe(string what) => description = what;

    /// <summary>Hands the model to the caller as an ordinary network again: freezing belonged to this run only.</summary>
    private nn.Module<Tensor, Tensor> Release()
    {
        var released = Model;
        foreach (var p in frozen) p.requires_grad = true;
        model = null;
        return released;
    }

    private string Stream(string name) => $"unlearn/{method}/{name}";

    /// <summary>Relays the <see cref="Trainer"/>'s progress on the caller's thread.</summary>
    private sealed class EpochProgress(Action<TrainProgress> report) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => report(value);
    }

    private static void DisposeAll(object? item)
    {
        if (item is IDisposable disposable) disposable.Dispose();
        else if (item is ITuple tuple)
            for (int i = 0; i < tuple.Length; i++)
                (tuple[i] as IDisposable)?.Dispose();
    }
}
