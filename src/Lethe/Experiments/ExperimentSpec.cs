using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Training;
using Lethe.Numerics;

namespace Lethe.Experiments;

/// <summary>
/// Everything one benchmark run needs, frozen before the run starts (validate, then run). The CLI only fills it in;
/// presets are ready-made instances.
/// </summary>
public sealed record ExperimentSpec
{
    /// <summary>One of <see cref="DatasetRegistry.Names"/>: "synthfaces" (built in, no files) or a file-based dataset
    /// read from <see cref="DataDirectory"/>.</summary>
    public string Dataset { get; init; } = SynthFaces.Name;

    /// <summary>The task of the dataset: for SynthFaces "age", "male", "smiling", "young" or "multilabel".</summary>
    public string TaskKind { get; init; } = "age";

    /// <summary>The dataset folder for file-based datasets.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>MUFAC's forget set: "first:N" (the reference: the first N CSV rows; default 1,500) or "identities:N".</summary>
    public string? Forget { get; init; }

    /// <summary>Leave out unreadable images (and list them) instead of stopping at the first.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Leave out retain, test and unseen copies of training images (exact or near duplicates; MUFAC has some).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] // absent when off, so older runs keep their result hash
    public bool ExcludeDuplicates { get; init; }

    /// <summary>MUCAC's identity thresholds "test,forget,train"; null means the reference's 190,1250,4855 (the MUCAC
    /// notebooks' <c>train_index</c>, <c>retain_index</c>, <c>unseen_index</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? IdentitySplits { get; init; }

    /// <summary>
    /// A given Original instead of a trained one: a Lethe checkpoint or a PyTorch .pth (the authors' published weights,
    /// say, which their own recipe does not reach: re-run in the reference's MUFAC Base_Models notebook it scores about
    /// 0.51 test accuracy, the weights 0.595). Null trains it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OriginalFile { get; init; }

    /// <summary>The task a model file for this spec must hold, as the user names it (SynthFaces: its task; else the dataset).</summary>
    [JsonIgnore]
    public string ModelTask => DatasetRegistry.Default.Find(Dataset)?.ModelTask(Dataset, TaskKind) ?? Dataset;

    /// <summary>The task the run's models learn, known from the spec alone, so a bad --task fails before any data is built.</summary>
    /// <exception cref="ArgumentException">An unknown dataset, or a --task the dataset does not have.</exception>
    public Lethe.Models.PredictionTask Task() => DatasetRegistry.Default.Get(Dataset).Task(ModelTask);

    /// <summary>What this spec asks of its dataset; the decoded-image cache is <see cref="DatasetFactory.DataCacheDirectory"/>.</summary>
    public DatasetRequest DataRequest() => new(Dataset)
    {
        Folder = DataDirectory, ImageSize = ImageSize, Seed = Seed, TaskKind = TaskKind, Forget = Forget, SkipBad = SkipBad,
        ExcludeDuplicates = ExcludeDuplicates, IdentitySplits = IdentitySplits, Synth = Synth,
        CacheFolder = DatasetFactory.DataCacheDirectory(this),
    };

    /// <summary>
    /// The SynthFaces generator's settings. Its <c>ImageSize</c> and <c>Seed</c> are not the run's: the data is built at
    /// <see cref="ImageSize"/> with <see cref="Seed"/> (<see cref="DatasetFactory"/>), so read those. They stay as the
    /// preset set them because this record is hashed into result hashes and plan cell ids, and normalising them would
    /// orphan every stored run and cell.
    /// </summary>
    public SynthFacesOptions Synth { get; init; } = new();

    /// <summary>Input side in pixels (the reference: 128; SynthFaces' default 32 keeps the run within minutes on a CPU).</summary>
    public int ImageSize { get; init; } = 32;

    public string Architecture { get; init; } = "resnet18";

    /// <summary>Null means the reference's recipes for the task (<see cref="BaseRecipes.For"/>). A multi-class task's are
    /// MUFAC's, named "mufac/original" and "mufac/retrained" for SynthFaces' age task too: the recipe, name included, is
    /// part of each checkpoint's cache key, so the name stays.</summary>
    public BaseRecipes? Recipes { get; init; }

    /// <summary>When set, the base recipes are compressed or stretched to this many epochs (milestones scaled).</summary>
    public int? BaseEpochs { get; init; }

    /// <summary>The Original and Retrained recipes this spec trains with for <paramref name="task"/>, with the
    /// <see cref="Quirks"/> that touch base training.</summary>
    public BaseRecipes RecipesFor(Lethe.Models.PredictionTask task)
    {
        var recipes = Recipes ?? BaseRecipes.For(task);
        recipes = BaseEpochs is { } epochs ? recipes.WithEpochs(epochs) : recipes;
        return Quirks.Apply(recipes, Lethe.Unlearning.UnlearningVariants.Of(task));
    }

    /// <summary>
    /// The reference's quirks this run reproduces: every one in the reproduction presets (paper, cpu), none in the
    /// synthetic ones (default, quick); `--quirks` and `--no-quirks` set them for any preset.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] // absent when none, so principled runs keep their result hash
    public ReferenceQuirks Quirks { get; init; }

    public TrainAugmentation Augmentation { get; init; } = TrainAugmentation.Default;

    public long Seed { get; init; } = Seeds.Default;

    /// <summary>
    /// Seed of the unlearning methods; null means <see cref="Seed"/>. A sweep with `--vary unlearn` changes only this, so
    /// every seed starts from the same (cached) Original and Retrained and the spread is the methods' own.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] // absent when unset, so older runs keep their result hash
    public long? UnlearnSeed { get; init; }

    /// <summary>
    /// Batch size of the unlearning methods' loaders; null means the reference's 64. A method that steps on full batches
    /// only (NegGrad, Advanced NegGrad, UNSIR's impair stage) takes no step at all on a forget set smaller than one batch.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] // absent when unset, so older runs keep their result hash
    public int? UnlearnBatchSize { get; init; }

    [JsonIgnore]
    public long EffectiveUnlearnSeed => UnlearnSeed ?? Seed;

    /// <summary>The seed that tells the runs of a sweep apart: the unlearning seed when only that varies, else the seed.</summary>
    [JsonIgnore]
    public long SweepSeed => UnlearnSeed ?? Seed;

    public string Device { get; init; } = "cpu";

    /// <summary>
    /// Models made side by side (Original with Retrained, then the methods); 0 = automatic: two (one on a single core),
    /// as <see cref="EffectiveJobs"/> resolves it and results.json's <c>Provenance.Jobs</c> records it. On a small CPU,
    /// two one-thread jobs get about 1.5 times the images/s of one two-thread job, because ResNet-18's backward pass at
    /// small inputs does not scale over threads.
    /// </summary>
    public int Jobs { get; init; }

    /// <summary>Torch intra-op threads per job; 0 = automatic: the cores divided among the jobs, as
    /// <see cref="EffectiveThreads"/> resolves it and <c>Provenance.TorchThreads</c> records it. Results repeat only at the same count.</summary>
    public int Threads { get; init; }

    /// <summary>Unlearning method keys to run, in order; ["all"] = every registered method; empty = base models only.</summary>
    public IReadOnlyList<string> Methods { get; init; } = ["all"];

    /// <summary>The spec with the controls (<see cref="Lethe.Unlearning.MethodRegistry.Controls"/>) after its methods, as
    /// `--controls` asks: "all" does not include them, so a control runs only when named or asked for.</summary>
    public ExperimentSpec WithControls() => this with { Methods = [.. Methods, .. Lethe.Unlearning.MethodRegistry.ControlKeys] };

    /// <summary>Hyper-parameter overrides "method.param=value".</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>Hyper-parameter overrides as JSON, {"scrub": {"lr": 0.0005}}, applied before <see cref="Overrides"/>.</summary>
    public string? ParameterJson { get; init; }

    public double Lambda { get; init; } = 0.5;

    /// <summary>
    /// The relearning test's settings (<see cref="Lethe.Evaluation.Relearning.RelearnOptions"/>: the paper's learning rate,
    /// batch and optimiser, 100 steps). Hashed into the result hash and cell ids, so other settings are never a cache hit.
    /// </summary>
    public Lethe.Evaluation.Relearning.RelearnOptions Relearn { get; init; } = Lethe.Evaluation.Relearning.RelearnOptions.Default;

    /// <summary>Skip the relearning test (`--no-relearn`): its rows show "–", "skipped (--no-relearn)".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NoRelearn { get; init; }

    /// <summary>
    /// K, the Retrained models every model of the run is tested against person by person (`lethe benchmark --pool K`): the
    /// run's Retrained and K − 1 more on the seeds after it, the very cells `lethe evaluate --pool` and `lethe audit`
    /// make. 0 (the default): no per-person test. Not part of any cell id: the pool changes no model, only the report.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Pool { get; init; }

    /// <summary>
    /// Retain images each model is scored on: a seeded sample of this many, the same for every model of the run (see
    /// <see cref="Lethe.Evaluation.RetainSample"/>), or null for all of retain (`--retain-eval all`). A smaller retain set
    /// is used whole. Default 2,000.
    /// </summary>
    public int? RetainSampleSize { get; init; } = Lethe.Evaluation.RetainSample.DefaultSize;

    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    public string OutputDirectory { get; init; } = "runs/latest";

    public string Preset { get; init; } = "default";

    [JsonIgnore]
    public int EffectiveJobs => Jobs > 0 ? Jobs : Math.Clamp(Environment.ProcessorCount, 1, 2);

    [JsonIgnore]
    public int EffectiveThreads => Threads > 0 ? Threads : Math.Max(1, Environment.ProcessorCount / EffectiveJobs);

    /// <summary>How this spec evaluates a model: its λ, its retain sample and the attack's subsampling, both drawn from <see cref="Seed"/>.</summary>
    public Lethe.Evaluation.EvaluationOptions EvaluationOptions() => Lethe.Evaluation.EvaluationOptions.Default with
    {
        Lambda = Lambda, RetainSampleSize = RetainSampleSize, RetainSampleSeed = Seed,
        Attack = new Lethe.Evaluation.MembershipInferenceOptions(SubsampleSeed: Seed),
    };

    /// <summary>
    /// Raised when the evaluation reports other numbers for the same model (2: the attack balances both directions and
    /// reports AUC and TPR; 3: retain accuracy on a seeded sample, models scored channels-last), so that a resumed run
    /// does not keep results the older evaluation stored.
    /// </summary>
    public const int EvaluationVersion = 3;

    /// <summary>A hash of every setting that affects results (not where they are written), so a resume only reuses results of the same run.</summary>
    public string ResultHash()
    {
        var json = JsonSerializer.Serialize(this with { OutputDirectory = "", CacheDirectory = "" }) + $"/evaluation-v{EvaluationVersion}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16].ToLowerInvariant();
    }

    /// <summary>The prefix of a --set assignment to the relearning settings ("relearn.steps=200").</summary>
    public const string RelearnPrefix = "relearn.";

    /// <summary>
    /// The spec with --set assignments: "relearn.parameter=value" to <see cref="Relearn"/> (names as in
    /// <see cref="Lethe.Evaluation.Relearning.RelearnOptions"/>, camelCase, case-insensitive), every other one appended to
    /// the methods' <see cref="Overrides"/>. Settings change through <see cref="Lethe.Unlearning.HyperParameterOverrides"/>,
    /// as a method's do, so the errors read alike.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown relearning parameter or a value of the wrong type (named).</exception>
    public ExperimentSpec WithSet(IReadOnlyList<string> assignments)
    {
        bool IsRelearn(string a) => a.TrimStart().StartsWith(RelearnPrefix, StringComparison.OrdinalIgnoreCase);
        var relearn = Lethe.Unlearning.HyperParameterOverrides.Apply(
            new Dictionary<string, object> { ["relearn"] = Relearn }, assignments.Where(IsRelearn))["relearn"];
        return this with
        {
            Relearn = (Lethe.Evaluation.Relearning.RelearnOptions)relearn,
            Overrides = [.. Overrides, .. assignments.Where(a => !IsRelearn(a))],
        };
    }

    /// <summary>
    /// The relearning test of this spec's models on <paramref name="data"/>: <see cref="Relearn"/> on its retain set, the
    /// Original's and Retrained's curves kept in <see cref="CacheDirectory"/> under keys that name the data; skipped
    /// with <see cref="NoRelearn"/>.
    /// </summary>
    /// <param name="trainTransform">The training transform fine-tuning uses.</param>
    /// <param name="seed">The seed of the relearning subset, its order and augmentation (unless <see cref="Relearn"/> sets one).</param>
    public Lethe.Evaluation.Relearning.RelearnRequest RelearnFor(BenchmarkData data, IImageTransform trainTransform, long seed) => NoRelearn
        ? Lethe.Evaluation.Relearning.RelearnRequest.Skipped
        : Lethe.Evaluation.Relearning.RelearnRequest.On(new(Relearn, data.Retain, Architecture, trainTransform, seed)
        {
            CacheDirectory = CacheDirectory, DataKey = data.Fingerprint,
        });

    /// <summary>Stops a bad run before any expensive work, with a message that names the setting.</summary>
    public void Validate()
    {
        ValidateData();
        if (OriginalFile is not null && !File.Exists(OriginalFile))
            throw new ArgumentException($"--original: file not found: {OriginalFile}");
        if (ImageSize is < 8 or > 1024) throw new ArgumentException($"image size must be in 8..1024, got {ImageSize}");
        if (Lambda is not (>= 0 and <= 1)) throw new ArgumentException($"lambda must be in [0, 1], got {Lambda}");
        if (RetainSampleSize is < 1) throw new ArgumentException($"--retain-eval must be 'all' or a number of images >= 1, got {RetainSampleSize}");
        if (Threads < 0) throw new ArgumentException($"threads must be >= 0, got {Threads}");
        if (Jobs < 0) throw new ArgumentException($"jobs must be >= 0, got {Jobs}");
        if (Device is not ("cpu" or "cuda") && !Device.StartsWith("cuda:", StringComparison.Ordinal))
            throw new ArgumentException($"device must be cpu, cuda or cuda:N, got '{Device}'");
        if (Device.StartsWith("cuda", StringComparison.Ordinal) && !TorchSharp.torch.cuda.is_available())
            throw new ArgumentException($"device '{Device}' requested but CUDA is not available (build with a CUDA LibTorch package; see README)");
        if (BaseEpochs is < 1) throw new ArgumentException($"epochs must be >= 1, got {BaseEpochs}");
        if (!NoRelearn) Relearn.Validate();
        if (UnlearnBatchSize is < 1) throw new ArgumentException($"--unlearn-batch-size must be >= 1, got {UnlearnBatchSize}");
        Recipes?.Original.Validate();
        Recipes?.Retrained.Validate();
        MethodPlan.Resolve(this, Task());
        // Last: a bad setting is a usage error whether or not the folder is there.
        if (DataDirectory is not null && !Directory.Exists(DataDirectory))
            throw new DirectoryNotFoundException($"--data: folder not found: {DataDirectory}");
    }

    /// <summary>
    /// The part of <see cref="Validate"/> that chooses the data: the dataset, its folder, and the switches that cut it
    /// (--forget, --identity-splits, --skip-bad, --exclude-duplicates) apply to it. `lethe datasets check` asks this
    /// too, so it refuses what the run refuses, in the same words.
    /// </summary>
    /// <exception cref="ArgumentException">The first problem, in one line (<see cref="DatasetRegistry.Validate"/>).</exception>
    public void ValidateData() => DatasetRegistry.Default.Validate(DataRequest());

    /// <summary>The environment variable that moves the default cache folder.</summary>
    public const string CacheVariable = "LETHE_CACHE";

    /// <summary>The cache folder when --cache names none: <see cref="CacheVariable"/>, else <see cref="HomeCacheDirectory"/>,
    /// as the environment is now (a spec's default was read when the spec's type was first used).</summary>
    public static string DefaultCacheDirectory()
    {
        var env = Environment.GetEnvironmentVariable(CacheVariable);
        return string.IsNullOrWhiteSpace(env) ? HomeCacheDirectory() : env;
    }

    /// <summary>The cache folder when neither --cache nor <see cref="CacheVariable"/> names one: ~/.cache/lethe.</summary>
    public static string HomeCacheDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, ".cache", "lethe");
    }
}
