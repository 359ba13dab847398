using System.Collections.Concurrent;
using System.Diagnostics;
using Lethe.Audit;
using Lethe.Data;
using Lethe.Diagnostics;
using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Evaluation.Relearning;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Training;
using Lethe.Unlearning;
using TorchSharp;
using static TorchSharp.torch;
using Lethe.Numerics;

namespace Lethe.Plans;

/// <summary>
/// Runs one cell of a plan, idempotently: a done cell is skipped, a cell whose inputs are not done waits, a cell that
/// another live worker holds is left to it, and otherwise the cell is made under its lock, written atomically, and
/// marked done last. Base models train with the cell's seed through the same streams as <see cref="BenchmarkRunner"/>
/// ("init/original", "train/original", ...), so the Original of seed s here is the benchmark's Original of seed s.
/// </summary>
public sealed class CellRunner(PlanBench bench, CellStore store, IProgress<RunEvent>? progress = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Seconds of relearning each cell being made spent so far, by cell id (cells run side by side).</summary>
    private readonly ConcurrentDictionary<string, double> _relearnSeconds = new();

    private Plan Plan => bench.Plan;

    /// <summary>Runs <paramref name="cell"/> if it needs running; says what happened.</summary>
    /// <exception cref="OperationCanceledException">Cancelled mid-cell: the cell is left unfinished and unlocked.</exception>
    public CellOutcome Run(Cell cell, CancellationToken cancel = default)
    {
        if (store.IsDone(cell)) return CellOutcome.AlreadyDone;
        if (cell.DependsOn.Any(id => !store.IsDone(Plan.ById(id)))) return CellOutcome.Waiting;
        using var held = CellLock.TryTake(store.LockPath(cell));
        if (held is null) return CellOutcome.Busy;
        if (store.IsDone(cell)) return CellOutcome.AlreadyDone; // finished by the worker whose lock we waited out
        RemoveLeftovers(cell);
        _relearnSeconds.TryRemove(cell.Id, out _); // a cancelled attempt's
        using var memory = MemoryProbe.OpenWindow();
        var clock = Stopwatch.StartNew();
        var labels = cell.Role switch
        {
            CellRole.Original or CellRole.Retrained => MakeBase(cell, cancel),
            CellRole.Unlearned => Unlearn(cell, cancel),
            _ => Score(cell),
        };
        store.MarkDone(new CellDone(cell.Id, cell.Name, cell.Role, cell.Method, labels, clock.Elapsed.TotalSeconds,
            bench.Data.Train.Count, _clock.GetUtcNow(), Environment.MachineName, Given: cell.GivenSha256 is not null)
        {
            RelearnSeconds = _relearnSeconds.TryRemove(cell.Id, out var relearning) ? relearning : 0,
        }, cell);
        Report(cell, "done", done: true);
        return CellOutcome.Made;
    }

    /// <summary>Temp files of a writer killed mid-write (see <see cref="IO.AtomicFile"/>); safe to remove under the lock.</summary>
    private void RemoveLeftovers(Cell cell)
    {
        var folder = store.FolderOf(cell);
        if (!Directory.Exists(folder)) return;
        foreach (var temp in Directory.EnumerateFiles(folder, ".*.tmp", SearchOption.AllDirectories)) File.Delete(temp);
    }

    private IReadOnlyList<string> MakeBase(Cell cell, CancellationToken cancel)
    {
        if (cell.GivenSha256 is not null) return UseGiven(cell);
        var (spec, data) = (Plan.Spec, bench.For(cell).Data);
        var seed = cell.Seed ?? throw new InvalidDataException($"cell {cell.Name}: a base model needs a seed");
        var key = BaseModelKey.Of(spec, data, cell.Role, seed, bench.Device.type.ToString());
        var label = BaseModelKey.Label(cell.Role);
        var (model, info, fromCache) = TrainOrLoad(cell, key, cancel);
        using (model)
        {
            if (cell.Role == CellRole.Original) Checkpoint.Save(model, store.WeightsPath(cell));
            var divergence = info.History.LastOrDefault()?.Divergence;
            // Original and Retrained are made side by side: each is compared with itself only (distance 0 by definition).
            var references = cell.Role == CellRole.Original
                ? new MetricReferences(Reference.Of(model, key.Hash()), Reference.Absent("Retrained is made beside the Original"))
                : new MetricReferences(Reference.Absent("the Original is made beside Retrained"), Reference.Of(model, key.Hash()));
            var result = Evaluate(label, model, cell, references, cancel, diverged: divergence is not null) with
            {
                Source = "base",
                Role = cell.Role,
                // The epochs' own times, so a resumed or cached model reports what its training cost.
                Seconds = info.TrainSeconds,
                FromCache = fromCache,
                CachedAt = fromCache ? info.Created : null,
                Diverged = divergence is not null,
                DivergedAtStep = divergence?.Step,
                Note = divergence?.Note,
                History = info.History,
                Settings = key.Recipe,
                PeakMemoryMiB = MemoryProbe.PeakMiB(),
            };
            Results(cell).Put(result);
        }
        return [label];
    }

    /// <summary>
    /// The base model of <paramref name="key"/> from the checkpoint cache, or trained into it. The cache entry is held
    /// under a lock while it trains, so two cells (or two processes) that need the same weights train them once: the
    /// second waits, then loads.
    /// </summary>
    private (nn.Module<Tensor, Tensor> Model, CheckpointInfo Info, bool FromCache) TrainOrLoad(Cell cell, CheckpointKey key, CancellationToken cancel)
    {
        var (spec, data) = (Plan.Spec, bench.For(cell).Data);
        var cache = new CheckpointCache(spec.CacheDirectory);
        var stream = BaseModelKey.StreamName(cell.Role);
        nn.Module<Tensor, Tensor> Fresh() => Networks.Create(spec.Architecture, data.Task.Outputs, bench.Device, Seeds.Derive(key.Seed, $"init/{stream}"));
        while (true)
        {
            var model = Fresh();
            if (cache.TryLoad(key, model) is { } cached)
            {
                Report(cell, $"loaded from cache ({cache.WeightsPath(key)}; trained {cached.Created:yyyy-MM-dd HH:mm} in {cached.TrainSeconds:F1} s)");
                return (model, cached, true);
            }
            using var held = CellLock.TryTake(cache.WeightsPath(key) + ".lock");
            if (held is null)
            {
                model.Dispose();
                Report(cell, "another worker is training the same model; waiting for it");
                cancel.WaitHandle.WaitOne(PlanRunner.BusyPoll);
                cancel.ThrowIfCancellationRequested();
                continue;
            }
            if (cache.TryLoad(key, model) is not null) { model.Dispose(); continue; } // made while we waited for the lock
            if (cache.LastRejection is { } why)
            {
                Report(cell, $"cache entry unusable, retraining ({why})");
                model.Dispose();
                model = Fresh();
            }
            return (model, Train(cell, key, model, cache, cancel), false);
        }
    }

    private CheckpointInfo Train(Cell cell, CheckpointKey key, nn.Module<Tensor, Tensor> model, CheckpointCache cache, CancellationToken cancel)
    {
        var data = bench.For(cell).Data;
        var set = cell.Role == CellRole.Original ? data.Train : data.Retain;
        var stream = BaseModelKey.StreamName(cell.Role);
        var loader = new BatchLoader(set, data.Task, bench.TrainTransform,
            BatchOptions.Training with { BatchSize = key.Recipe.BatchSize, ReplayFirstEpoch = key.Recipe.EpochReseedQuirk },
            bench.Device, key.Seed, $"train/{stream}");
        Report(cell, $"training on {set.Count} images: {key.Recipe.Describe()}");
        // Epochs are saved in the cell (a killed worker's rerun resumes there, and `plan show` reads them); the finished
        // weights go to the checkpoint cache, where every cell that needs the same model finds them.
        var epochs = new EpochCheckpoint(store.TrainingPrefix(cell));
        var history = new Trainer(_clock).Train(model, data.Task, loader, key.Recipe, cell.Name,
            new SyncProgress<TrainProgress>(p => progress?.Report(new RunEvent(cell.Name, "", p))), cancel, epochs);
        if (epochs.LastRejection is { } stale) Report(cell, $"saved epochs unusable, trained from epoch 1 ({stale})");
        var info = new CheckpointInfo(key, history, history.Sum(h => h.Elapsed.TotalSeconds), _clock.GetUtcNow());
        cache.Store(info, model);
        epochs.Clear();
        Report(cell, $"trained in {info.TrainSeconds:F1} s, final train accuracy {NumberText.Of(history[^1].Accuracy)}"
            + (history[^1].Divergence is { } diverged ? $"; stopped: {diverged.Note}" : ""));
        return info;
    }

    /// <summary>
    /// An Original given as a file (`--original`), loaded as `lethe benchmark` loads it: no training, so no recipe, no
    /// history and no time; its weights are stored for the methods like a trained Original's.
    /// </summary>
    private IReadOnlyList<string> UseGiven(Cell cell)
    {
        using var given = GivenOriginal.Load(Plan.Spec) ?? throw new InvalidDataException($"cell {cell.Name}: the plan's spec names no Original file");
        if (given.Source.Sha256 != cell.GivenSha256)
            throw new InvalidDataException($"--original: {given.Source.File} has changed since the plan was made (SHA-256 {given.Source.Sha256}, planned {cell.GivenSha256})");
        if (given.Source.Note is { } note) Report(cell, note);
        Report(cell, $"loaded from {given.Source.Describe()} (not trained here)");
        var model = given.Model.to(bench.Device);
        Checkpoint.Save(model, store.WeightsPath(cell));
        var references = new MetricReferences(Reference.Of(model, given.Source.CacheKey), Reference.Absent("Retrained is made beside the Original"));
        var result = Evaluate("Original", model, cell, references, CancellationToken.None) with
        {
            Source = "base", Role = CellRole.Original, Seconds = double.NaN, Given = given.Source, History = [], PeakMemoryMiB = MemoryProbe.PeakMiB(),
        };
        Results(cell).Put(result);
        return ["Original"];
    }

    private IReadOnlyList<string> Unlearn(Cell cell, CancellationToken cancel)
    {
        var (spec, data) = (Plan.Spec, bench.For(cell).Data);
        var originalCell = Plan.ById(cell.DependsOn[0]);
        using var original = Networks.Create(spec.Architecture, data.Task.Outputs, bench.Device);
        Checkpoint.Load(original, store.VerifiedWeightsPath(originalCell));
        var method = MethodRegistry.Get(cell.Method ?? throw new InvalidDataException($"cell {cell.Name}: no method"));
        var hyper = bench.HyperParameters(method, cell.HyperParameters ?? "{}", data.Task);
        Report(cell, $"unlearning ({method.Key}) from {originalCell.Name}");
        var context = UnlearningContext.Of(data, original, spec.Architecture, bench.TrainTransform, bench.EvalTransform, bench.Device,
            cell.Seed ?? spec.Seed,
            new SyncProgress<UnlearningProgress>(p => progress?.Report(new RunEvent(cell.Name, p.Stage, Step: p.Step, Loss: p.Loss))),
            cancel, _clock, spec.UnlearnBatchSize ?? UnlearningContext.DefaultBatchSize, spec.RecipesFor(data.Task).Retrained);
        var results = Results(cell);
        var labels = new List<string>();
        using var retrained = RetrainedFor(originalCell, data);
        var references = new MetricReferences(Reference.Of(original, bench.WeightsKeyOf(originalCell)), retrained);
        foreach (var made in method.Run(context, hyper))
        {
            using (made.Model)
            {
                results.Put(Evaluate(made.Label, made.Model, cell, references, cancel, made.Diverged).MadeBy(made, method.Key, hyper) with { PeakMemoryMiB = MemoryProbe.PeakMiB() });
                labels.Add(made.Label);
            }
        }
        return labels;
    }

    private IReadOnlyList<string> Score(Cell cell)
    {
        if (Plan.Kind == Plan.BenchmarkKind)
        {
            Report(cell, "writing the run's results and report from the stored models");
            BenchmarkReportCell.Write(bench, store, cell);
            return [];
        }
        Report(cell, "scoring from the stored φ");
        var audit = AuditScoring.Score(Plan, store);
        audit.Write(Path.Combine(store.FolderOf(cell), AuditResultFile));
        return [];
    }

    /// <summary>The cell's results, whose φ files say which cell, seed and Lethe made them.</summary>
    private RunStore Results(Cell cell)
    {
        var data = bench.For(cell);
        var seed = (cell.Seed ?? data.Spec.Seed).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string>(data.PhiMetadata)
        {
            [PhiMetadata.Seed] = seed,
            [PhiMetadata.UnlearnSeed] = seed,
            [CellMetadataKey] = $"{cell.Name} {cell.Id}",
        };
        return store.Results(cell, metadata);
    }

    /// <summary>The φ metadata key naming the cell that made the file.</summary>
    public const string CellMetadataKey = "lethe.cell";

    /// <summary>The score cell's output in its folder.</summary>
    public const string AuditResultFile = "audit.json";

    /// <summary>
    /// The Retrained a method's model is compared with: the one of the Original's seed on the same retain set, from the
    /// checkpoint cache (its cell was done in an earlier stage); absent, with why, when the cache has none (an audit's
    /// Retrained pool on other seeds, a cleared cache).
    /// </summary>
    private RetrainedReference RetrainedFor(Cell originalCell, BenchmarkData data)
    {
        var spec = Plan.Spec;
        var seed = originalCell.Seed ?? spec.Seed;
        var key = BaseModelKey.Of(spec, data, CellRole.Retrained, seed, bench.Device.type.ToString());
        var model = Networks.Create(spec.Architecture, data.Task.Outputs, bench.Device);
        if (new CheckpointCache(spec.CacheDirectory).TryLoad(key, model) is not null) return new(Reference.Of(model, key.Hash()), model);
        model.Dispose();
        return new(Reference.Absent($"no Retrained of seed {seed} in the checkpoint cache"), null);
    }

    /// <summary>A Retrained reference that owns its model.</summary>
    private sealed record RetrainedReference(Reference Reference, nn.Module<Tensor, Tensor>? Owned) : IDisposable
    {
        public static implicit operator Reference(RetrainedReference r) => r.Reference;

        public void Dispose() => Owned?.Dispose();
    }

    /// <param name="diverged">The model diverged: its numbers are no results, and its line says so instead of printing
    /// digits the tables show as "–".</param>
    private ModelResult Evaluate(string label, nn.Module<Tensor, Tensor> model, Cell cell, MetricReferences references,
        CancellationToken cancel, bool diverged = false)
    {
        Report(cell, $"evaluating {label}");
        var data = bench.For(cell);
        var evaluation = ModelEvaluator.Evaluate(model, data.Sets, bench.EvalTransform, bench.Device, data.Evaluation, references,
            RelearnFor(cell, cancel));
        if (diverged)
        {
            Report(cell, $"{label}: diverged, so its numbers are no results (the tables show –)");
            return new ModelResult { Label = label, Source = "", Evaluation = evaluation, Seconds = double.NaN };
        }
        var attack = evaluation.Attack;
        Report(cell, $"{label}: test acc {NumberText.Of(evaluation.TestAccuracy)}, attack acc {NumberText.Of(evaluation.AttackAccuracy)} (fold SD {NumberText.Of(attack?.SplitAccuracySd)}), "
            + $"AUC {NumberText.Of(attack?.RocAuc)}, TPR@1%FPR {NumberText.Of(attack?.TprAtOnePercentFpr)}, NoMUS {NumberText.Of(evaluation.Nomus)}");
        if (attack is { SmallSet: true })
            Report(cell, $"{label}: warning: " + SmallAttackWarning.Text(attack.Balance.SmallerSide, attack.SmallSetThreshold, attack.Splits, [attack.SplitAccuracySd]));
        return new ModelResult { Label = label, Source = "", Evaluation = evaluation, Seconds = double.NaN };
    }

    /// <summary>
    /// The relearning test of a cell's models (<see cref="PlanBench.RelearnFor"/>), its cost reported as the cell's
    /// progress and added up for its done.json.
    /// </summary>
    private RelearnRequest RelearnFor(Cell cell, CancellationToken cancel)
    {
        // An audit makes dozens of models per method for its pool and scores outputs only: relearning each would multiply its cost.
        if (Plan.Kind != Plan.BenchmarkKind && !Plan.Spec.NoRelearn) return RelearnRequest.Off("the audit does not run the relearning test");
        return bench.RelearnFor(cell) is { Setup: { } setup } ? RelearnRequest.On(setup with
        {
            Cancel = cancel,
            Progress = new SyncProgress<string>(line => Report(cell, line)),
            Made = curve => _relearnSeconds.AddOrUpdate(cell.Id, curve.Seconds, (_, sum) => sum + curve.Seconds),
        }) : RelearnRequest.Skipped;
    }

    private void Report(Cell cell, string message, bool done = false) => progress?.Report(new RunEvent(cell.Name, message, null, done));
}
