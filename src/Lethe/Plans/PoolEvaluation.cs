using Lethe.Audit;
using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Diagnostics;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Training;
using TorchSharp;

namespace Lethe.Plans;

/// <summary>
/// `lethe evaluate MODEL --pool K` (or <c>--pool-files</c>): did this one model forget each forget person? The model
/// is evaluated as `lethe evaluate` evaluates it, and its φ on the forget and unseen people is tested person by person
/// against a pool of Retrained models (<see cref="PersonPoolTest"/>). The pool is either K Retrained cells in the
/// results store, the same cells an audit makes (so a second evaluation, or an audit, on the same store trains none of
/// them), or files the user retrained elsewhere. Everything that can be refused is refused in
/// <see cref="ForCells"/>/<see cref="ForFiles"/>, before anything trains.
/// </summary>
public sealed class PoolEvaluation : IDisposable
{
    private readonly BenchmarkData? _ownedData;
    private readonly PlanBench? _bench;

    private PoolEvaluation(ExperimentSpec spec, BenchmarkData data, PlanBench? bench, CellStore? store, IReadOnlyList<string> files)
    {
        (Spec, Data, _bench, Store, Files) = (spec, data, bench, store, files);
        _ownedData = bench is null ? data : null;
    }

    /// <summary>The spec the model and the pool are evaluated with (the image size resolved as <see cref="FileEvaluator.SpecFor"/> does).</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>The data, built once for the pool and the model.</summary>
    public BenchmarkData Data { get; }

    /// <summary>The pool's plan (K Retrained cells); null for a pool of files.</summary>
    public Plan? Plan => _bench?.Plan;

    /// <summary>The results store of the pool's cells; null for a pool of files.</summary>
    public CellStore? Store { get; }

    /// <summary>The pool's files (full paths); empty for a pool of cells.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Checks the model file, builds the data and plans K Retrained cells in <paramref name="storeDirectory"/>; trains nothing.</summary>
    /// <param name="spec">The dataset and evaluation settings, as `lethe evaluate` takes them.</param>
    /// <param name="modelFile">The model to test; loaded once here so that a bad file is refused before the pool trains.</param>
    /// <param name="imageSizeChosen">See <see cref="FileEvaluator.Run"/>.</param>
    /// <param name="k">Pool models, at least 2 (8 or more for the Gaussian image score).</param>
    /// <param name="storeDirectory">The results store (`--store`, default <c>&lt;cache&gt;/cells</c>).</param>
    /// <exception cref="ArgumentException">K below 2, or a bad setting (named).</exception>
    /// <exception cref="InvalidDataException">A model file that does not hold the task's network, or fewer than 3 unseen people.</exception>
    public static PoolEvaluation ForCells(ExperimentSpec spec, string modelFile, bool imageSizeChosen, int k, string storeDirectory)
    {
        PoolPlanner.RequireSize(k, $"--pool {k}");
        spec = Checked(spec, modelFile, imageSizeChosen);
        var data = BuildData(spec);
        try
        {
            // The pool's cells run no relearning test, but its settings are in every cell id: the defaults, whatever this
            // evaluation's --no-relearn or --set relearn.*, keep them the cells `lethe audit` makes.
            var poolSpec = spec with { NoRelearn = false, Relearn = Evaluation.Relearning.RelearnOptions.Default };
            return new PoolEvaluation(spec, data, PlanBench.With(PoolPlanner.Build(poolSpec, k, data.Fingerprint), data), new CellStore(storeDirectory), []);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Checks the model file and every pool file, builds the data; trains nothing.</summary>
    /// <param name="poolFiles">Retrained models made elsewhere: Lethe checkpoints or PyTorch ResNet-18 files, at least 2.
    /// A Lethe checkpoint with its cache record beside it is also checked for its task, image size, role and retain set.</param>
    /// <exception cref="ArgumentException">Fewer than 2 files, or a bad setting.</exception>
    /// <exception cref="InvalidDataException">A file that does not hold the task's network, or whose cache record says it
    /// was made for another task, image size or retain set, or is not a Retrained (the message names the file); fewer
    /// than 3 unseen people.</exception>
    /// <exception cref="FileNotFoundException">A file that does not exist.</exception>
    public static PoolEvaluation ForFiles(ExperimentSpec spec, string modelFile, bool imageSizeChosen, IReadOnlyList<string> poolFiles)
    {
        PoolPlanner.RequireSize(poolFiles.Count, "--pool-files");
        spec = Checked(spec, modelFile, imageSizeChosen);
        var files = poolFiles.Select(Path.GetFullPath).ToArray();
        foreach (var file in files)
        {
            CheckLoads(spec, file);
            if (RecordOf(file) is { } key) CheckRecord(spec, file, key, null);
        }
        var data = BuildData(spec);
        try
        {
            foreach (var file in files)
                if (RecordOf(file) is { } key) CheckRecord(spec, file, key, data);
            return new PoolEvaluation(spec, data, null, null, files);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>What the pool's cells still to make will cost; null for a pool of files (nothing trains).</summary>
    public PlanCost? Cost() => _bench is null ? null : PlanCost.Estimate(_bench, Store!);

    /// <summary>Makes the pool cells not done yet, scores the pool's φ, evaluates the model and tests it person by person.</summary>
    /// <param name="modelFile">The model checked by <see cref="ForCells"/> or <see cref="ForFiles"/>.</param>
    /// <param name="retrainedFile">A Retrained to compare the model's outputs with (as `lethe evaluate --retrained`), or null.</param>
    /// <param name="originalFile">The model's Original (as `lethe evaluate --original`), or null.</param>
    /// <param name="commandLine">For the provenance.</param>
    /// <param name="progress">Lines about loading and scoring.</param>
    /// <param name="cells">The pool cells' training progress.</param>
    /// <exception cref="OperationCanceledException">Cancelled; pool cells finished so far stay done.</exception>
    public (FileEvaluation Evaluation, PersonPoolTest Test) Execute(string modelFile, string? retrainedFile, string commandLine,
        IProgress<string>? progress = null, IProgress<RunEvent>? cells = null, CancellationToken cancel = default, string? originalFile = null)
    {
        var (pool, made, reused) = _bench is null ? (ScoreFiles(progress), 0, 0) : MakeCells(cells, cancel);
        var evaluation = new FileEvaluator(progress).Run(Spec, modelFile, retrainedFile, commandLine, imageSizeChosen: true, Data, originalFile);
        progress?.Report($"testing the model person by person against the {pool.Count} pool models");
        var test = PersonPoolTest.Of(_bench is null ? PersonPoolTest.FilesSource : PersonPoolTest.StoreSource, pool,
            new NamedPhi(modelFile, evaluation.Models[0].Evaluation.Phi), made, reused);
        return (evaluation, test);
    }

    private (IReadOnlyList<NamedPhi> Pool, int Made, int Reused) MakeCells(IProgress<RunEvent>? cells, CancellationToken cancel)
    {
        var summary = new PlanRunner(Store!, cells).Run(_bench!, Plan!.Spec.EffectiveJobs, cancel);
        var pool = Plan.Cells.Select(cell => new NamedPhi($"{cell.Name} ({cell.Id})", Store!.Models(cell).Single().Evaluation.Phi)).ToArray();
        return (pool, summary.Made, summary.Skipped);
    }

    /// <summary>φ of each pool file on the forget and unseen sets (the two the test reads), each in its own dispose scope.</summary>
    private IReadOnlyList<NamedPhi> ScoreFiles(IProgress<string>? progress)
    {
        TorchThreads.Set(Spec.EffectiveThreads);
        var device = torch.device(Spec.Device);
        var transform = new EvalTransform(Spec.ImageSize);
        return Files.Select(file =>
        {
            progress?.Report($"scoring pool model {file}");
            using var scope = torch.NewDisposeScope();
            using var model = ModelFile.Load(file, Spec.ModelTask, device);
            IEnumerable<PhiRow> Rows(string set, ImageSet images) =>
                PhiRows.Of(set, images.Samples, SetScorer.Score(model, Data.Task, images, transform, device).Phi);
            return new NamedPhi(file, [.. Rows(PhiSets.Forget, Data.Forget), .. Rows(PhiSets.Unseen, Data.Unseen)]);
        }).ToArray();
    }

    /// <summary>The spec at the model's image size, validated, with the model file loaded once as a check.</summary>
    private static ExperimentSpec Checked(ExperimentSpec spec, string modelFile, bool imageSizeChosen)
    {
        spec = FileEvaluator.SpecFor(spec, modelFile, imageSizeChosen);
        spec.Validate();
        NativeAllocator.LimitArenas();
        TorchThreads.Set(spec.EffectiveThreads);
        CheckLoads(spec, modelFile);
        return spec;
    }

    private static void CheckLoads(ExperimentSpec spec, string file)
    {
        using var scope = torch.NewDisposeScope();
        using var model = ModelFile.Load(file, spec.ModelTask, torch.device(spec.Device));
    }

    /// <exception cref="InvalidDataException">Fewer than 3 unseen people: the test judges each person against the model's
    /// shift on the unseen people, each of them against the others.</exception>
    private static BenchmarkData BuildData(ExperimentSpec spec)
    {
        var data = DatasetFactory.Build(spec);
        var unseen = data.Unseen.Samples.Select(s => s.Identity).Distinct().Count();
        if (unseen >= 3) return data;
        data.Dispose();
        throw new InvalidDataException($"{spec.Dataset}: {unseen} unseen {(unseen == 1 ? "person" : "people")}; the per-person test "
            + "judges each forget person against the model's shift on unseen people and needs at least 3");
    }

    private static CheckpointKey? RecordOf(string file) => CheckpointCache.VerifiedInfoBeside(file, out _)?.Key;

    /// <summary>What a pool file's cache record says against this evaluation; the data's retain set once it is built.</summary>
    private static void CheckRecord(ExperimentSpec spec, string file, CheckpointKey key, BenchmarkData? data)
    {
        string? Why() => data switch
        {
            null when key.Role != BaseModelKey.StreamName(CellRole.Retrained) =>
                $"its cache record says it is an {key.Role} model, trained on the forget people; a pool model must never have seen them",
            null when key.ImageSize != spec.ImageSize => $"trained at {key.ImageSize} px (its cache record says), the evaluation is at {spec.ImageSize} px",
            { } d when key.Task != d.Task.Name => $"a model of task {key.Task} (its cache record says), the evaluation's task is {d.Task.Name}",
            { } d when key.TrainingSet != d.Retain.ContentHash() =>
                $"made on other data: its cache record's training set ({key.TrainingSet}) is not this evaluation's retain set ({d.Retain.ContentHash()})",
            _ => null,
        };
        if (Why() is { } why) throw new InvalidDataException($"--pool-files: {file}: {why}");
    }

    public void Dispose()
    {
        _bench?.Dispose();
        _ownedData?.Dispose();
    }
}
