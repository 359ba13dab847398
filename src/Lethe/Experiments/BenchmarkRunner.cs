using Lethe.Diagnostics;
using System.Diagnostics;
using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Models;
using Lethe.Training;
using Lethe.Reports;
using Lethe.Unlearning;
using TorchSharp;
using static TorchSharp.torch;
using Lethe.Numerics;

namespace Lethe.Experiments;

/// <summary>
/// Runs one benchmark: builds the data, trains (or loads) Original and Retrained, runs each unlearning method on a copy
/// of Original, evaluates every model, and stores each finished result at once so an interrupted run resumes.
/// Independent models are made side by side as parallel jobs (see <see cref="ExperimentSpec.Jobs"/>).
/// </summary>
public sealed class BenchmarkRunner(IProgress<RunEvent>? progress = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly object _reportLock = new();

    public RunRecord Run(ExperimentSpec spec, string commandLine = "", CancellationToken cancel = default)
    {
        spec.Validate();
        NativeAllocator.LimitArenas(); // before the data and models allocate: see its doc comment
        using var given = GivenOriginal.Load(spec); // before the data is built or anything trains
        long started = _clock.GetTimestamp();
        set_num_threads(spec.EffectiveThreads);
        var device = torch.device(spec.Device);
        var provenance = Provenance.Capture(spec.Device, spec.EffectiveThreads, spec.EffectiveJobs, commandLine, _clock.GetUtcNow());

        Report("data", $"building {spec.Dataset} ({spec.TaskKind}, {spec.ImageSize} px)");
        using var data = DatasetFactory.Build(spec);
        var store = new RunStore(spec.OutputDirectory, spec.ResultHash(), RunPhiMetadata.Of(spec, data.Task, provenance));
        var summary = DatasetFactory.Summarise(data);
        foreach (var note in data.Notes) Report("data", note);
        Report("data", $"train {summary.Train} = forget {summary.Forget} ({summary.ForgetIdentities} people) + retain {summary.Retain} "
            + $"({summary.RetainIdentities}); test {summary.Test}; unseen {summary.Unseen}; people in both forget and retain: "
            + $"{summary.StraddlingIdentities}" + (data.Notes.Count > 0 ? $"; {data.Notes.Count} notes above" : ""), done: true);
        var evaluation = spec.EvaluationOptions();
        using var sets = EvaluationSets.Of(data, evaluation);
        ReportDataFacts(summary, evaluation.Attack, sets.RetainSample);

        var recipes = spec.RecipesFor(data.Task);
        var plan = MethodPlan.Resolve(spec, data.Task); // before any training: a bad name or override costs nothing
        var quirks = QuirkInForce.Of(plan, recipes, originalGiven: spec.OriginalFile is not null);
        Report("data", "reference quirks: " + QuirkInForce.Describe(quirks));
        var setup = new Setup(spec, data, new TrainTransform(spec.ImageSize, spec.Augmentation), new EvalTransform(spec.ImageSize),
            device, evaluation, sets, given, store, cancel);

        var baseJobs = new[]
        {
            new BaseJob("Original", "original", data.Train, recipes.Original),
            new BaseJob("Retrained", "retrained", data.Retain, recipes.Retrained),
        };
        var (baseOutputs, basePeak) = InParallel(baseJobs, spec.EffectiveJobs, spec.EffectiveThreads, job => TrainAndEvaluate(job, setup, keep: job.Role == "original"));
        using var original = baseOutputs[0].Model!;
        var results = WithPeak(baseOutputs.Select(o => o.Result), basePeak, store).ToList();

        double retrainSeconds = results[1].Seconds;
        var (methodOutputs, methodsPeak) = InParallel(plan.Steps.ToArray(), spec.EffectiveJobs, spec.EffectiveThreads,
            step => RunMethod(step.Method, step.HyperParameters, original, retrainSeconds, setup));
        results.AddRange(WithPeak(methodOutputs.SelectMany(r => r), methodsPeak, store));

        return new RunRecord(provenance, spec, spec.ResultHash(), summary, results, _clock.GetElapsedTime(started).TotalSeconds, quirks);
    }

    /// <summary>
    /// The classes the labels use, and the sets the attack will compare, before anything trains: a warning that the attack
    /// is too small to separate methods is worth more before hours of training than after.
    /// </summary>
    private void ReportDataFacts(DataSummary summary, MembershipInferenceOptions attack, RetainSample? retain)
    {
        if (retain is { Whole: false })
            Report("data", $"retain accuracy on a seeded sample of {retain.Scored} of {retain.Of} images, the same for every model (--retain-eval all scores every one)");
        if (summary.Classes is { } classes) Report("data", $"classes: {classes.Describe()}");
        var balance = AttackBalance.Plan(summary.Forget, summary.Unseen, attack.ReferenceImbalanceTolerance);
        Report("data", $"attack: {balance.ForgetUsed} forget vs {balance.UnseenUsed} unseen losses per model ({balance.Describe(attack.ReferenceImbalanceTolerance)})");
        if (balance.SmallerSide < attack.SmallSetThreshold)
            Report("data", "warning: " + SmallAttackWarning.Text(balance.SmallerSide, attack.SmallSetThreshold, attack.Splits, []));
    }

    /// <summary>Settings shared by every job of a run.</summary>
    private sealed record Setup(ExperimentSpec Spec, BenchmarkData Data, IImageTransform TrainTransform, IImageTransform EvalTransform,
        Device Device, EvaluationOptions Evaluation, EvaluationSets Sets, GivenOriginal? Given, RunStore Store, CancellationToken Cancel);

    private sealed record BaseJob(string Label, string Role, ImageSet TrainSet, TrainRecipe Recipe);

    private sealed record BaseOutput(Made Result, nn.Module<Tensor, Tensor>? Model);

    /// <summary>A result and whether this run made it (a resumed one keeps what it recorded).</summary>
    private sealed record Made(ModelResult Result, bool Fresh);

    /// <summary>Jobs of a phase share the process, so each fresh result gets the phase's peak memory (stored again).</summary>
    private static IEnumerable<ModelResult> WithPeak(IEnumerable<Made> made, double peakMiB, RunStore store)
    {
        foreach (var (result, fresh) in made)
        {
            if (!fresh || result.FromCache)
            {
                yield return result;
                continue;
            }
            var withPeak = result with { PeakMemoryMiB = peakMiB };
            store.Put(withPeak);
            yield return withPeak;
        }
    }

    /// <summary>
    /// Runs jobs with at most <paramref name="jobs"/> at once and returns their outputs in input order, with the peak
    /// resident memory of the whole phase (jobs share the process, so per-job peaks cannot be told apart).
    /// Each job's numbers do not depend on scheduling: its randomness comes from its own streams and every job runs with
    /// the same torch thread count.
    /// </summary>
    private static (T[] Outputs, double PeakMiB) InParallel<TJob, T>(TJob[] work, int jobs, int threads, Func<TJob, T> run)
    {
        using var window = MemoryProbe.OpenWindow();
        var outputs = new T[work.Length];
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i =>
        {
            // LibTorch's thread count is per OS thread (OpenMP), and pool threads keep whatever their last user set,
            // so each job sets its own before it computes anything.
            set_num_threads(threads);
            outputs[i] = run(work[i]);
        });
        return (outputs, MemoryProbe.PeakMiB());
    }

    private BaseOutput TrainAndEvaluate(BaseJob job, Setup setup, bool keep)
    {
        CheckpointInfo? info = null;
        bool fromCache = false;
        var given = job.Role == "original" ? setup.Given : null;
        var model = given is not null ? UseGiven(given, job, setup) : TrainOrLoad(job, setup, out info, out fromCache);
        try
        {
            if (Finished(job.Label, setup.Store) is { } stored) return new BaseOutput(new Made(stored, false), keep ? model : null);
            var divergence = info?.History.LastOrDefault()?.Divergence;
            var result = Evaluate(job.Label, model, setup) with
            {
                Label = job.Label,
                Source = "base",
                // A given model's training time is not known here: no number rather than a made-up 0.
                Seconds = info?.TrainSeconds ?? double.NaN,
                SpeedUp = job.Role == "retrained" ? 1.0 : null,
                FromCache = fromCache,
                CachedAt = fromCache ? info!.Created : null,
                Given = given?.Source,
                Diverged = divergence is not null,
                DivergedAtStep = divergence?.Step,
                Note = divergence?.Note,
                History = info?.History ?? [],
                Settings = info?.Key.Recipe,
                PeakMemoryMiB = double.NaN,
            };
            setup.Store.Put(result); // at once: an interrupted run keeps it
            return new BaseOutput(new Made(result, true), keep ? model : null);
        }
        finally
        {
            if (!keep) model.Dispose();
        }
    }

    /// <summary>The user's Original (Lethe checkpoint or .pth), loaded when the run started: no training, no history, no time.</summary>
    private nn.Module<Tensor, Tensor> UseGiven(GivenOriginal given, BaseJob job, Setup setup)
    {
        if (given.Source.Note is { } note) Report(job.Label, note);
        Report(job.Label, $"loaded from {given.Source.Describe()} (not trained here)", done: true);
        return given.Model.to(setup.Device);
    }

    /// <summary>
    /// Everything that determines a base model, and nothing else: its own training set (not the whole benchmark's
    /// fingerprint, which also covers the forget choice, test and unseen), so Original is reused across forget sets.
    /// </summary>
    private static CheckpointKey KeyOf(BaseJob job, Setup setup)
    {
        var (spec, data) = (setup.Spec, setup.Data);
        return new CheckpointKey(job.TrainSet.ContentHash(), job.Role, job.Recipe, spec.Seed, spec.Architecture, data.Task.Name,
            spec.ImageSize, spec.Augmentation.ToString(), setup.Device.type.ToString(), spec.EffectiveThreads);
    }

    private nn.Module<Tensor, Tensor> TrainOrLoad(BaseJob job, Setup setup, out CheckpointInfo info, out bool fromCache)
    {
        var (spec, data) = (setup.Spec, setup.Data);
        var key = KeyOf(job, setup);
        var cache = new CheckpointCache(spec.CacheDirectory);
        nn.Module<Tensor, Tensor> Fresh() =>
            Networks.Create(spec.Architecture, data.Task.Outputs, setup.Device, Seeds.Derive(spec.Seed, $"init/{job.Role}"));
        var model = Fresh();
        if (cache.TryLoad(key, model) is { } cached)
        {
            Report(job.Label, $"loaded from cache ({cache.WeightsPath(key)}; trained {cached.Created:yyyy-MM-dd HH:mm} in {cached.TrainSeconds:F1} s)", done: true);
            (info, fromCache) = (cached, true);
            return model;
        }
        if (cache.LastRejection is { } why)
        {
            Report(job.Label, $"cache entry unusable, retraining ({why})");
            model.Dispose();
            model = Fresh();
        }
        var loader = new BatchLoader(job.TrainSet, data.Task, setup.TrainTransform,
            BatchOptions.Training with { BatchSize = job.Recipe.BatchSize, ReplayFirstEpoch = job.Recipe.EpochReseedQuirk },
            setup.Device, spec.Seed, $"train/{job.Role}");
        Report(job.Label, $"training on {job.TrainSet.Count} images: {job.Recipe.Describe()}");
        var progress = new EpochCheckpoint(cache.WeightsPath(key));
        var history = new Trainer(_clock).Train(model, data.Task, loader, job.Recipe, job.Label,
            new SyncProgress<TrainProgress>(p => Report(new RunEvent(job.Label, "", p))), setup.Cancel, progress);
        // The epochs' own times, so a resumed model reports what its training cost, not just the part after the resume.
        info = new CheckpointInfo(key, history, history.Sum(h => h.Elapsed.TotalSeconds), _clock.GetUtcNow());
        fromCache = false;
        cache.Store(info, model);
        progress.Clear();
        Report(job.Label, $"trained in {info.TrainSeconds:F1} s, final train accuracy {history[^1].Accuracy:F3}"
            + (history[^1].Divergence is { } diverged ? $"; stopped: {diverged.Note}" : ""), done: true);
        return model;
    }

    /// <summary>Runs one method on a private copy of Original, evaluates every model it returns, stores each result.</summary>
    private IReadOnlyList<Made> RunMethod(IUnlearningMethod method, object hyper, nn.Module<Tensor, Tensor> original,
        double retrainSeconds, Setup setup)
    {
        var labels = method.LabelsFor(hyper);
        var stored = labels.Select(label => Finished(label, setup.Store)).ToArray();
        if (stored.All(r => r is not null)) return stored.Select(r => new Made(r!, false)).ToArray();

        Report(labels[0], $"unlearning ({method.Key})");
        var (spec, data) = (setup.Spec, setup.Data);
        var context = UnlearningContext.Of(data, original, spec.Architecture, setup.TrainTransform, setup.EvalTransform, setup.Device,
            spec.EffectiveUnlearnSeed,
            new SyncProgress<UnlearningProgress>(p => Report(new RunEvent(labels[0], p.Stage, Step: p.Step, Loss: p.Loss))),
            setup.Cancel, _clock, spec.UnlearnBatchSize ?? UnlearningContext.DefaultBatchSize);
        var results = new List<Made>();
        foreach (var model in method.Run(context, hyper))
        {
            using (model.Model)
            {
                var result = Evaluate(model.Label, model.Model, setup).MadeBy(model, method.Key, hyper) with
                {
                    SpeedUp = retrainSeconds / Math.Max(model.Elapsed.TotalSeconds, 1e-9),
                };
                setup.Store.Put(result);
                results.Add(new Made(result, true));
            }
        }
        return results;
    }

    /// <summary>
    /// The stored result of a model, if it has a current φ file too; else null, and the model is made again: a base
    /// model is then loaded from the checkpoint cache and only evaluated, a method (whose weights are not kept) runs again.
    /// </summary>
    private ModelResult? Finished(string label, RunStore store)
    {
        if (store.TryGet(label, out var unusable) is not { } stored)
        {
            if (unusable is not null) Report(label, $"stored result unusable ({unusable}): making it again");
            return null;
        }
        if (store.HasCurrentPhi(label)) return stored;
        Report(label, "stored result has no current φ file: evaluating again");
        return null;
    }

    private ModelResult Evaluate(string label, nn.Module<Tensor, Tensor> model, Setup setup)
    {
        Report(label, "evaluating");
        var evaluation = ModelEvaluator.Evaluate(model, setup.Sets, setup.EvalTransform, setup.Device, setup.Evaluation);
        var result = new ModelResult { Label = label, Source = "", Evaluation = evaluation, Seconds = double.NaN };
        var attack = evaluation.Attack;
        Report(label, $"test acc {NumberText.Of(evaluation.TestAccuracy)}, attack acc {NumberText.Of(evaluation.AttackAccuracy)} (fold SD {NumberText.Of(attack?.SplitAccuracySd)}), "
            + $"AUC {NumberText.Of(attack?.RocAuc)}, TPR@1%FPR {NumberText.Of(attack?.TprAtOnePercentFpr)}, NoMUS {NumberText.Of(evaluation.Nomus)}", done: true);
        if (attack is { SmallSet: true })
            Report(label, "warning: " + SmallAttackWarning.Text(attack.Balance.SmallerSide, attack.SmallSetThreshold, attack.Splits, [attack.SplitAccuracySd]));
        return result;
    }

    private void Report(string stage, string message, bool done = false) => Report(new RunEvent(stage, message, null, done));

    /// <summary>Jobs report from several threads; observers see one event at a time.</summary>
    private void Report(RunEvent e)
    {
        if (progress is null) return;
        lock (_reportLock) progress.Report(e);
    }
}

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and reorders).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
