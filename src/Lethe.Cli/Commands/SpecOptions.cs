using System.CommandLine;
using Lethe.Data;
using Lethe.Experiments;
using Lethe.Unlearning;

namespace Lethe.Cli.Commands;

/// <summary>
/// The options that fill in an <see cref="ExperimentSpec"/>, shared by every command that runs the benchmark's
/// pipeline (`lethe benchmark`, `lethe audit`), so both read the same data, presets and hyper-parameters the same way.
/// </summary>
internal sealed class SpecOptions
{
    public Option<string?> Preset { get; } = new("--preset")
    {
        Description = "Ready-made settings: default and quick (SynthFaces sized for a CPU), audit (SynthFaces sized for many models), "
            + "paper (the reference recipe at 128 px, with its quirks; the default for file datasets), cpu (the paper's recipes and methods at 64 px instead of 128: "
            + "a labelled deviation that makes real MUFAC practical on 2 cores)",
    };

    public Option<string?> Dataset { get; } = new("--dataset") { Description = DatasetHelp.Choices("default synthfaces, built in") };

    public Option<string?> Data { get; } = new("--data") { Description = $"Folder of a file-based dataset ({DatasetHelp.Folders()})" };

    public Option<string?> Forget { get; } = new("--forget") { Description = $"Forget set ({DatasetHelp.AppliesTo(DatasetSwitches.Forget)}): first:N (the reference: first N rows, MUFAC default 1500) or identities:N (N whole people, seeded); MUCAC: see --identity-splits" };

    public Option<bool> ExcludeDuplicates { get; } = new("--exclude-duplicates")
    {
        Description = $"Leave out retain, test and unseen copies (exact, or near and confirmed by their pixels) of training images, so leaked copies do not confound the attack (see `lethe datasets check`; {DatasetHelp.AppliesTo(DatasetSwitches.ExcludeDuplicates)})",
    };

    public Option<string?> IdentitySplits { get; } = new("--identity-splits") { Description = $"Identity thresholds test,forget,train ({DatasetHelp.AppliesTo(DatasetSwitches.IdentitySplits)}; default 190,1250,4855, the reference notebooks' identity ranges)" };

    public Option<bool> SkipBad { get; } = new("--skip-bad") { Description = $"Leave out missing and unreadable images and list each (CSV file and line), instead of stopping at the first ({DatasetHelp.AppliesTo(DatasetSwitches.SkipBad)})" };

    public Option<string?> Task { get; } = new("--task") { Description = "SynthFaces task: age (8 classes), male, smiling, young (binary) or multilabel (file datasets have their own)" };

    public Option<int?> ImageSize { get; } = new("--image-size") { Description = "Input side in pixels (SynthFaces default 32; the paper uses 128)" };

    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Train Original and Retrained for this many epochs (milestones scaled)" };

    public Option<int?> UnlearnBatchSize { get; } = new("--unlearn-batch-size") { Description = "Batch size of the unlearning methods (default: the preset's; the reference's 64). NegGrad and UNSIR step on full batches only" };

    public Option<long?> Seed { get; } = new("--seed") { Description = "Experiment seed (default 42)" };

    public Option<string?> Device { get; } = new("--device") { Description = "cpu, cuda or cuda:N" };

    public Option<int?> Jobs { get; } = new("--jobs") { Description = "Models made side by side (default 2; 1 in the paper and cpu presets)" };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Torch threads per job (default: cores / jobs); results repeat only at the same count" };

    public Option<string[]> Methods { get; } = new("--methods") { Description = $"Unlearning methods to run: 'all', 'none' or comma-separated keys ({string.Join(", ", MethodRegistry.Keys)}; the controls {string.Join(", ", MethodRegistry.ControlKeys)} only by name or with --controls)", AllowMultipleArgumentsPerToken = true };

    public Option<string[]> Set { get; } = new("--set") { Description = "Override a hyper-parameter, e.g. --set scrub.lr=0.0005 or --set relearn.steps=200 (repeatable)" };

    public Option<FileInfo?> Parameters { get; } = new("--params") { Description = "JSON file of hyper-parameter overrides, e.g. {\"scrub\": {\"lr\": 0.0005}}" };

    public Option<double?> Lambda { get; } = new("--lambda") { Description = "NoMUS weight λ of accuracy (default 0.5)" };

    public Option<bool> Quirks { get; } = new("--quirks")
    {
        Description = "Reproduce the reference's quirks (BatchNorm in eval mode in MUFAC fine-tuning and UNSIR; per-epoch reseed in MUCAC multi-label): the default of paper and cpu",
    };

    public Option<bool> NoQuirks { get; } = new("--no-quirks") { Description = "The principled benchmark, without the reference's quirks: the default of default and quick" };

    public Option<string?> RetainEval { get; } = RetainEvalOption.Create();

    public Option<bool> NoRelearn { get; } = RelearnOption.CreateSkip();

    public Option<string?> Cache { get; } = new("--cache") { Description = "Checkpoint cache folder (default ~/.cache/lethe or $LETHE_CACHE)" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress output; only the table and the files written" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log every event as a plain line, including each unlearning step's loss" };

    public SpecOptions() => Preset.AcceptOnlyFromAmong([.. Presets.Names]);

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
                 {
                     Preset, Dataset, Data, Forget, IdentitySplits, SkipBad, ExcludeDuplicates, Task, ImageSize, Epochs, UnlearnBatchSize, Seed, Device,
                     Jobs, Threads, Methods, Set, Parameters, Quirks, NoQuirks, Lambda, RetainEval, NoRelearn, Cache, Quiet, Verbose,
                 })
            command.Options.Add(option);
    }

    /// <summary>
    /// The spec: the preset (default: "default" for SynthFaces, "paper" for file datasets) with the options over it. The
    /// commands' runners validate it (<see cref="ExperimentSpec.Validate"/>) before any data is built or model trained.
    /// </summary>
    /// <exception cref="FileNotFoundException">--params names a missing file.</exception>
    /// <exception cref="InvalidDataException">The --params file is not valid overrides (the message names the file).</exception>
    /// <exception cref="ArgumentException">--task with a file dataset, which has its own task.</exception>
    public ExperimentSpec Spec(ParseResult parsed)
    {
        var spec = Presets.For(parsed.GetValue(Preset), parsed.GetValue(Dataset));
        spec = spec with
        {
            DataDirectory = parsed.GetValue(Data),
            Forget = parsed.GetValue(Forget),
            IdentitySplits = parsed.GetValue(IdentitySplits),
            SkipBad = parsed.GetValue(SkipBad),
            ExcludeDuplicates = parsed.GetValue(ExcludeDuplicates),
            TaskKind = parsed.GetValue(Task) ?? spec.TaskKind,
            ImageSize = parsed.GetValue(ImageSize) ?? spec.ImageSize,
            Seed = parsed.GetValue(Seed) ?? spec.Seed,
            Device = parsed.GetValue(Device) ?? spec.Device,
            Jobs = parsed.GetValue(Jobs) ?? spec.Jobs,
            Threads = parsed.GetValue(Threads) ?? spec.Threads,
            Lambda = parsed.GetValue(Lambda) ?? spec.Lambda,
            CacheDirectory = parsed.GetValue(Cache) ?? ExperimentSpec.DefaultCacheDirectory(),
            NoRelearn = parsed.GetValue(NoRelearn),
        };
        spec = spec.WithSet(parsed.GetValue(Set) ?? []);
        // The spec always holds a task kind (the preset's), so only here is it known whether --task was given.
        if (parsed.GetValue(Task) is not null)
            new DatasetSwitchRules(DatasetRegistry.Default).Require(DatasetRegistry.Default.Get(spec.Dataset), spec.Dataset, DatasetSwitches.Task);
        if (parsed.GetValue(Parameters) is { } file) spec = spec with { ParameterJson = ReadParameters(file, spec) };
        if (parsed.GetValue(Methods) is { Length: > 0 } chosen) spec = spec with { Methods = MethodSelection.Parse(chosen) };
        if (parsed.GetValue(Epochs) is { } e) spec = spec with { BaseEpochs = e };
        if (parsed.GetValue(UnlearnBatchSize) is { } b) spec = spec with { UnlearnBatchSize = b };
        spec = spec with { Quirks = ReferenceQuirks.Switched(spec.Quirks, parsed.GetValue(Quirks), parsed.GetValue(NoQuirks)) };
        return spec with { RetainSampleSize = RetainEvalOption.Get(parsed, RetainEval, spec.RetainSampleSize) };
    }

    /// <summary>
    /// The --params file's text, checked here because only here is the file's name known: a bad file is a bad input file
    /// (exit 1) named as such. The check is the one every run makes, on the method records of the spec's task.
    /// </summary>
    private static string ReadParameters(FileInfo file, ExperimentSpec spec)
    {
        if (!file.Exists) throw new FileNotFoundException($"--params: file not found: {file.FullName}");
        var json = File.ReadAllText(file.FullName);
        var records = MethodRegistry.Defaults(UnlearningVariants.Of(spec.Task()));
        try
        {
            var overridden = HyperParameterOverrides.ApplyJson(records, json);
            foreach (var method in MethodRegistry.Known) method.Validate(overridden[method.Key]);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{file.FullName}: {e.Message}");
        }
        return json;
    }

    /// <summary>The run name that default output folders use: "synthfaces-age-quick", "mufac-paper": the task is named
    /// when the dataset's name does not say it.</summary>
    public static string RunName(ExperimentSpec spec) =>
        spec.ModelTask == spec.Dataset ? $"{spec.Dataset}-{spec.Preset}" : $"{spec.Dataset}-{spec.ModelTask}-{spec.Preset}";

    /// <exception cref="ArgumentException">--quiet with --verbose.</exception>
    public Rendering.Verbosity Verbosity(ParseResult parsed)
    {
        if (parsed.GetValue(Quiet) && parsed.GetValue(Verbose)) throw new ArgumentException("--quiet and --verbose cannot be used together");
        return parsed.GetValue(Quiet) ? Rendering.Verbosity.Quiet : parsed.GetValue(Verbose) ? Rendering.Verbosity.Verbose : Rendering.Verbosity.Normal;
    }
}
