using Lethe.Models;
using Lethe.Data;
using Lethe.Diagnostics;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Numerics;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Plans;

/// <summary>
/// `lethe benchmark` in this process: builds the data, plans the run as `lethe plan benchmark` plans it (the same
/// cells, ids and store), runs the plan's model cells with <see cref="PlanRunner"/>, and gathers the run's record from
/// the store. There is one engine: a benchmark, a plan and an audit on one store make each model once, and a base
/// model's weights come from the checkpoint cache whenever <see cref="BaseModelKey"/> matches (so an Original survives
/// a change of <c>--forget</c>). Progress is reported under the models' labels ("Original", "SCRUB"), not cell names.
/// </summary>
public sealed class BenchmarkRunner(IProgress<RunEvent>? progress = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly object _reportLock = new();

    /// <summary>The store a benchmark uses unless told otherwise: beside the checkpoint cache, so every run that shares
    /// a cache shares its cells too.</summary>
    public static string DefaultStore(ExperimentSpec spec) => Path.Combine(spec.CacheDirectory, "cells");

    /// <summary>What the last <see cref="Run"/> did with the plan's model cells: made here, or found done (before the run,
    /// or made meanwhile by another process on the same store, whose models this run then reports as loaded).</summary>
    public PlanRunner.Summary? Cells { get; private set; }

    /// <summary>Runs the benchmark of <paramref name="spec"/>; the results of every finished model are in the store at
    /// once, so an interrupted run resumes. The run folder's model files are written here; the reports are the caller's.</summary>
    /// <param name="store">The cell store (default <see cref="DefaultStore"/>).</param>
    /// <param name="claimOutput">Claims the output folder once the spec and a given Original are known to be usable and
    /// before any data is built (see <see cref="RunFolderClaim"/>); the lines it returns are reported under "out".</param>
    /// <exception cref="ArgumentException">A bad setting (named), before any data is built.</exception>
    /// <exception cref="InvalidDataException">Data or a given Original that cannot be used (named).</exception>
    public RunRecord Run(ExperimentSpec spec, string commandLine = "", CancellationToken cancel = default, string? store = null,
        Func<IReadOnlyList<string>>? claimOutput = null)
    {
        spec.Validate();
        NativeAllocator.LimitArenas(); // before the data and models allocate: see its doc comment
        string? given;
        using (var original = GivenOriginal.Load(spec)) given = original?.Source.Sha256; // a file that does not fit fails now
        foreach (var line in claimOutput?.Invoke() ?? []) Report("out", line);
        long started = _clock.GetTimestamp();
        TorchThreads.Set(spec.EffectiveThreads);

        Report("data", $"building {spec.Dataset} ({spec.TaskKind}, {spec.ImageSize} px)");
        foreach (var line in new CheckpointCache(spec.CacheDirectory).RemoveLeftovers()) Report("cache", line);
        var data = DatasetFactory.Build(spec, note => Report("data", note));
        MethodPlan methods;
        try
        {
            ReportData(spec, data);
            methods = MethodPlan.Resolve(spec, data.Task); // before any training: a bad name or override costs nothing
            Report("data", "reference quirks: " + QuirkInForce.Describe(
                QuirkInForce.Of(methods, spec.RecipesFor(data.Task), originalGiven: spec.OriginalFile is not null)));
        }
        catch
        {
            data.Dispose();
            throw;
        }
        var plan = BenchmarkPlanner.Build(spec, null, methods, new Dictionary<long, string> { [spec.Seed] = data.Fingerprint }, given)
            with { CommandLine = commandLine };
        using var bench = PlanBench.With(plan, data);
        var cells = new CellStore(store ?? DefaultStore(spec));
        ReportCells(plan, cells);
        var labels = LabelsOf(plan);
        Cells = new PlanRunner(cells, new SyncProgress<RunEvent>(e => Report(Relabel(e, labels))), _clock)
            .Run(bench, spec.EffectiveJobs, cancel, include: c => c.MakesModel);

        var report = plan.Cells.Single(c => c.Role == CellRole.Score);
        var record = BenchmarkReportCell.Record(bench, cells, report, made => !Cells.MadeHere.Contains(made.Id), asGiven: spec);
        return record with { TotalSeconds = _clock.GetElapsedTime(started).TotalSeconds };
    }

    /// <summary>The sizes of the sets, the classes and the attack's balance, before anything trains: a warning that the
    /// attack is too small to separate methods is worth more before hours of training than after.</summary>
    private void ReportData(ExperimentSpec spec, BenchmarkData data)
    {
        var summary = DatasetFactory.Summarise(data);
        foreach (var note in data.Notes) Report("data", note);
        Report("data", $"train {summary.Train} = forget {summary.Forget} ({summary.ForgetIdentities} people) + retain {summary.Retain} "
            + $"({summary.RetainIdentities}); test {summary.Test}; unseen {summary.Unseen}; people in both forget and retain: "
            + $"{summary.StraddlingIdentities}" + (data.Notes.Count > 0 ? $"; {data.Notes.Count} notes above" : ""), done: true);
        var evaluation = spec.EvaluationOptions();
        var attack = evaluation.Attack;
        if (EvaluationSets.SampleOf(data.Retain.Count, evaluation) is { Whole: false } retain)
            Report("data", $"retain accuracy on a seeded sample of {retain.Scored} of {retain.Of} images, the same for every model (--retain-eval all scores every one)");
        if (summary.Classes is { } classes) Report("data", $"classes: {classes.Describe()}");
        var balance = AttackBalance.Plan(summary.Forget, summary.Unseen, attack.ReferenceImbalanceTolerance);
        Report("data", $"attack: {balance.Line(attack.ReferenceImbalanceTolerance)}");
        if (SmallAttackWarning.Before(balance, attack) is { } warning) Report("data", "warning: " + warning);
    }

    /// <summary>What the run will make before it makes anything: model cells done and to make, and the per-person pool's.</summary>
    private void ReportCells(Plan plan, CellStore cells)
    {
        var models = plan.Cells.Where(c => c.MakesModel).ToArray();
        var pool = plan.Spec.Pool > 1 ? models.Where(c => c.Role == CellRole.Retrained).ToArray() : [];
        var poolLine = pool.Length == 0 ? ""
            : $"; the per-person pool: {pool.Length} Retrained models (seeds {pool.Min(c => c.Seed)}…{pool.Max(c => c.Seed)}), "
                + $"{pool.Count(cells.IsDone)} done, {pool.Count(c => !cells.IsDone(c))} to make";
        Report("cells", $"{models.Length} model cells: {models.Count(cells.IsDone)} done, {models.Count(c => !cells.IsDone(c))} to make{poolLine}", done: true);
    }

    /// <summary>The label each model cell's progress is shown under: the model's, as a benchmark's table names it.</summary>
    private static Dictionary<string, string> LabelsOf(Plan plan) => plan.Cells.Where(c => c.MakesModel).ToDictionary(c => c.Name, c => c.Role switch
    {
        CellRole.Original or CellRole.Retrained => BaseModelKey.Label(c.Role),
        _ => Unlearning.MethodRegistry.Get(c.Method!).Labels[0],
    });

    /// <summary>A cell's event under its model's label; a message the cell begins with the label says it once.</summary>
    private static RunEvent Relabel(RunEvent e, IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(e.Stage, out var label)
            ? e with
            {
                Stage = label,
                Message = e.Message.StartsWith(label + ": ", StringComparison.Ordinal) ? e.Message[(label.Length + 2)..] : e.Message,
                Training = e.Training is { } t ? t with { Model = label } : null,
            }
            : e;

    private void Report(string stage, string message, bool done = false) => Report(new RunEvent(stage, message, null, done));

    /// <summary>Cells report from several threads; observers see one event at a time.</summary>
    private void Report(RunEvent e)
    {
        if (progress is null) return;
        lock (_reportLock) progress.Report(e);
    }
}
