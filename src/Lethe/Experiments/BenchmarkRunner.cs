using System.Diagnostics;
using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Models;
using Lethe.Training;
using Lethe.Unlearning;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Experiments;

/// <summary>
/// Runs one benchmark: builds the data, trains (or loads) Original and Retrained, runs each unlearning method on a copy
/// of Original, evaluates every model, and stores each finished result at once so an interrupted run resumes.
/// </summary>
public sealed class BenchmarkRunner(IProgress<RunEvent>? progress = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public RunRecord Run(ExperimentSpec spec, string commandLine = "", CancellationToken cancel = default)
    {
        spec.Validate();
        long started = _clock.GetTimestamp();
        set_num_threads(spec.EffectiveThreads);
        var device = torch.device(spec.Device);
        var provenance = Provenance.Capture(spec.Device, spec.EffectiveThreads, commandLine, _clock.GetUtcNow());
        var store = new RunStore(spec.OutputDirectory, spec.ResultHash());

        Report("data", $"building {spec.Dataset} ({spec.TaskKind}, {spec.ImageSize} px)");
        using var data = DatasetFactory.Build(spec);
        var summary = DatasetFactory.Summarise(data);
        Report("data", $"train {summary.Train} = forget {summary.Forget} + retain {summary.Retain}; test {summary.Test}; unseen {summary.Unseen}", done: true);

        var recipes = spec.Recipes ?? BaseRecipes.For(data.Task);
        var plan = MethodPlan.Resolve(spec, data.Task); // before any training: a bad name or override costs nothing
        var evalTransform = new EvalTransform(spec.ImageSize);
        var trainTransform = new TrainTransform(spec.ImageSize, spec.Augmentation);
        var evaluation = EvaluationOptions.Default with { Lambda = spec.Lambda };
        var cache = new CheckpointCache(spec.CacheDirectory);
        var results = new List<ModelResult>();

        using var original = TrainOrLoad("Original", "original", data, data.Train, recipes.Original, spec, trainTransform, device, cache, out var originalInfo, out var originalPeak, cancel);
        results.Add(EvaluateBase("Original", original, originalInfo, originalPeak, data, evalTransform, device, evaluation, store, null));

        using (var retrained = TrainOrLoad("Retrained", "retrained", data, data.Retain, recipes.Retrained, spec, trainTransform, device, cache, out var retrainedInfo, out var retrainedPeak, cancel))
            results.Add(EvaluateBase("Retrained", retrained, retrainedInfo, retrainedPeak, data, evalTransform, device, evaluation, store, retrainedInfo.TrainSeconds));

        double retrainSeconds = results[1].Seconds;
        results.AddRange(RunMethods(spec, plan, data, original, trainTransform, evalTransform, device, evaluation, store, retrainSeconds, cancel));

        return new RunRecord(provenance, spec, spec.ResultHash(), summary, results, _clock.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>Runs each chosen method on a copy of Original, evaluates every model it returns, stores each result.</summary>
    private IEnumerable<ModelResult> RunMethods(ExperimentSpec spec, MethodPlan plan, BenchmarkData data,
        nn.Module<Tensor, Tensor> original, IImageTransform trainTransform, IImageTransform evalTransform, Device device,
        EvaluationOptions evaluation, RunStore store, double retrainSeconds, CancellationToken cancel)
    {
        foreach (var (method, hyper) in plan.Steps)
        {
            var labels = method.LabelsFor(hyper);
            var stored = labels.Select(store.TryGet).ToArray();
            if (stored.All(r => r is not null))
            {
                foreach (var r in stored) yield return r!;
                continue;
            }
            Report(labels[0], $"unlearning ({method.Key})");
            var context = new UnlearningContext
            {
                Original = original,
                Architecture = spec.Architecture,
                Task = data.Task,
                Forget = data.Forget,
                Retain = data.Retain,
                TrainTransform = trainTransform,
                Device = device,
                Seed = spec.Seed,
                Progress = new SyncProgress<UnlearningProgress>(p => progress?.Report(new RunEvent(p.Stage, $"step {p.Step} loss {p.Loss:F4}"))),
                CancellationToken = cancel,
                Time = _clock,
            };
            MemoryProbe.ResetPeak();
            var models = method.Run(context, hyper);
            double peak = MemoryProbe.PeakMiB();
            foreach (var model in models)
            {
                using (model.Model)
                {
                    Report(model.Label, "evaluating");
                    var result = new ModelResult
                    {
                        Label = model.Label,
                        Source = method.Key,
                        Evaluation = ModelEvaluator.Evaluate(model.Model, data, evalTransform, device, evaluation),
                        Seconds = model.Elapsed.TotalSeconds,
                        SpeedUp = retrainSeconds / Math.Max(model.Elapsed.TotalSeconds, 1e-9),
                        PeakMemoryMiB = peak,
                        Diverged = model.Diverged,
                        DivergedAtStep = model.DivergedAtStep,
                        Steps = model.Steps,
                        Note = model.Note,
                        Settings = hyper,
                    };
                    store.Put(result);
                    Report(model.Label, Summary(result), done: true);
                    yield return result;
                }
            }
        }
    }

    private nn.Module<Tensor, Tensor> TrainOrLoad(string label, string role, BenchmarkData data, ImageSet trainSet,
        TrainRecipe recipe, ExperimentSpec spec, IImageTransform transform, Device device, CheckpointCache cache,
        out CheckpointInfo info, out double peakMiB, CancellationToken cancel)
    {
        var key = new CheckpointKey(data.Fingerprint, role, recipe, spec.Seed, spec.Architecture, data.Task.Name,
            spec.ImageSize, spec.Augmentation.ToString(), device.type.ToString());
        var model = Networks.Create(spec.Architecture, data.Task.Outputs, device, Seeds.Derive(spec.Seed, $"init/{role}"));
        MemoryProbe.ResetPeak();
        if (cache.TryLoad(key, model) is { } cached)
        {
            Report(label, $"loaded from cache ({cache.WeightsPath(key)})", done: true);
            info = cached;
            peakMiB = double.NaN;
            return model;
        }
        var loader = new BatchLoader(trainSet, data.Task, transform, BatchOptions.Training with { BatchSize = recipe.BatchSize },
            device, spec.Seed, $"train/{role}");
        Report(label, $"training on {trainSet.Count} images: {recipe.Describe()}");
        var clock = Stopwatch.StartNew();
        var history = new Trainer(_clock).Train(model, data.Task, loader, recipe, label, new SyncProgress<TrainProgress>(p => progress?.Report(new RunEvent(label, "", p))), cancel);
        info = new CheckpointInfo(key, history, clock.Elapsed.TotalSeconds, _clock.GetUtcNow());
        peakMiB = MemoryProbe.PeakMiB();
        cache.Store(info, model);
        Report(label, $"trained in {info.TrainSeconds:F1} s, final train accuracy {history[^1].Accuracy:F3}", done: true);
        return model;
    }

    private ModelResult EvaluateBase(string label, nn.Module<Tensor, Tensor> model, CheckpointInfo info, double peakMiB,
        BenchmarkData data, IImageTransform transform, Device device, EvaluationOptions options, RunStore store,
        double? retrainSeconds)
    {
        if (store.TryGet(label) is { } stored) return stored;
        Report(label, "evaluating");
        var result = new ModelResult
        {
            Label = label,
            Source = "base",
            Evaluation = ModelEvaluator.Evaluate(model, data, transform, device, options),
            Seconds = info.TrainSeconds,
            SpeedUp = retrainSeconds / info.TrainSeconds,
            PeakMemoryMiB = peakMiB,
            FromCache = double.IsNaN(peakMiB),
            History = info.History,
            Settings = info.Key.Recipe,
        };
        store.Put(result);
        Report(label, Summary(result), done: true);
        return result;
    }

    private static string Summary(ModelResult r) =>
        $"{r.Seconds:F1} s; test acc {r.Evaluation.TestAccuracy:F4}, attack acc {r.Evaluation.AttackAccuracy:F4}, NoMUS {r.Evaluation.Nomus:F4}" +
        (r.Diverged ? $" (diverged at step {r.DivergedAtStep})" : "");

    private void Report(string stage, string message, bool done = false) =>
        progress?.Report(new RunEvent(stage, message, null, done));
}

/// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; posts to the thread pool and reorders).</summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
