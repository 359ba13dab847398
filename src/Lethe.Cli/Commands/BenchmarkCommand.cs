using System.CommandLine;
using Lethe.Cli.Rendering;
using Lethe.Experiments;
using Lethe.Reports;
using Lethe.Training;
using Lethe.Unlearning;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe benchmark`: train or load Original and Retrained, run the methods, evaluate, print and save the table.</summary>
internal static class BenchmarkCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var preset = new Option<string?>("--preset")
        {
            Description = "Ready-made settings: default and quick (SynthFaces sized for a CPU), paper (the spec at 128 px; the default for "
                + "file datasets), cpu (the paper's recipes and methods at 64 px instead of 128: a labelled deviation that makes real MUFAC practical on 2 cores)",
        };
        preset.AcceptOnlyFromAmong([.. Presets.Names]);
        var dataset = new Option<string?>("--dataset") { Description = $"Dataset: {string.Join(", ", ExperimentSpec.Datasets)} (default synthfaces, built in)" };
        var data = new Option<string?>("--data") { Description = "Folder of a file-based dataset (MUFAC: the released folder with custom_*_dataset.csv; MUCAC: the folder holding CelebAMask-HQ/)" };
        var forget = new Option<string?>("--forget") { Description = "forget set (mufac, synthfaces): first:N (the reference: first N rows, MUFAC default 1500) or identities:N (N whole people, seeded); MUCAC: see --identity-splits" };
        var excludeDuplicates = new Option<bool>("--exclude-duplicates")
        {
            Description = "Leave out retain, test and unseen copies (exact, or near and confirmed by their pixels) of training images, so leaked copies do not confound the attack (see `lethe datasets check`)",
        };
        var identitySplits = new Option<string?>("--identity-splits") { Description = "MUCAC identity thresholds test,forget,train (default 190,1250,4855, spec §3.4)" };
        var original = new Option<string?>("--original") { Description = "Use this Original instead of training one: a Lethe checkpoint or a PyTorch .pth (e.g. the authors' published weights)" };
        var skipBad = new Option<bool>("--skip-bad") { Description = "Leave out missing and unreadable images and list each (CSV file and line), instead of stopping at the first" };
        var task = new Option<string?>("--task") { Description = "SynthFaces task: age (8 classes), male, smiling, young (binary) or multilabel (file datasets have their own)" };
        var imageSize = new Option<int?>("--image-size") { Description = "Input side in pixels (SynthFaces default 32; the paper uses 128)" };
        var epochs = new Option<int?>("--epochs") { Description = "Train Original and Retrained for this many epochs (milestones scaled)" };
        var seed = new Option<long?>("--seed") { Description = "Experiment seed (default 42)" };
        var device = new Option<string?>("--device") { Description = "cpu, cuda or cuda:N" };
        var jobs = new Option<int?>("--jobs") { Description = "Models made side by side (default 2: Original with Retrained, then the methods)" };
        var threads = new Option<int?>("--threads") { Description = "Torch threads per job (default: cores / jobs); results repeat only at the same count" };
        var methods = new Option<string[]>("--methods") { Description = $"Unlearning methods to run: 'all', 'none' or comma-separated keys ({string.Join(", ", MethodRegistry.Keys)})", AllowMultipleArgumentsPerToken = true };
        var set = new Option<string[]>("--set") { Description = "Override a hyper-parameter, e.g. --set scrub.lr=0.0005 (repeatable)" };
        var parameters = new Option<FileInfo?>("--params") { Description = "JSON file of hyper-parameter overrides, e.g. {\"scrub\": {\"lr\": 0.0005}}" };
        var lambda = new Option<double?>("--lambda") { Description = "NoMUS weight λ of accuracy (default 0.5)" };
        var retainEval = RetainEvalOption.Create();
        var output = new Option<string?>("--out") { Description = "Output folder for results.{json,csv,md} (default runs/<dataset>-<task>-<preset>)" };
        var seeds = new Option<string?>("--seeds") { Description = "Repeat over seeds: a count (5: --seed and the next 4) or a list (1,2,3); cells become mean ± 95% CI" };
        var vary = new Option<SeedVariation>("--vary")
        {
            Description = "What the seeds change: all (data, training, unlearning) or unlearn (same cached Original and Retrained, only the methods' seed)",
            DefaultValueFactory = _ => SeedVariation.All,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output; only the table and the files written" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log every event as a plain line, including each unlearning step's loss" };
        var quirks = new Option<bool>("--quirks")
        {
            Description = "Reproduce the reference's quirks (BatchNorm in eval mode in MUFAC fine-tuning and UNSIR; per-epoch reseed in MUCAC multi-label): the default of paper and cpu",
        };
        var noQuirks = new Option<bool>("--no-quirks") { Description = "The principled benchmark, without the reference's quirks: the default of default and quick" };
        var cache = new Option<string?>("--cache") { Description = "Checkpoint cache folder (default ~/.cache/lethe or $LETHE_CACHE)" };

        var command = new Command("benchmark", "Run the unlearning benchmark and print the results table.")
        {
            preset, dataset, data, forget, identitySplits, original, skipBad, excludeDuplicates, task, imageSize, epochs, seed, device, jobs, threads, methods, set, parameters, quirks, noQuirks, lambda, retainEval, output, cache, seeds, vary, quiet, verbose,
        };
        command.SetAction(parsed =>
        {
            var spec = Presets.For(parsed.GetValue(preset), parsed.GetValue(dataset));
            spec = spec with
            {
                DataDirectory = parsed.GetValue(data),
                Forget = parsed.GetValue(forget),
                IdentitySplits = parsed.GetValue(identitySplits),
                OriginalFile = parsed.GetValue(original) is { } o ? Path.GetFullPath(o) : null,
                SkipBad = parsed.GetValue(skipBad),
                ExcludeDuplicates = parsed.GetValue(excludeDuplicates),
                TaskKind = parsed.GetValue(task) ?? spec.TaskKind,
                ImageSize = parsed.GetValue(imageSize) ?? spec.ImageSize,
                Seed = parsed.GetValue(seed) ?? spec.Seed,
                Device = parsed.GetValue(device) ?? spec.Device,
                Jobs = parsed.GetValue(jobs) ?? spec.Jobs,
                Threads = parsed.GetValue(threads) ?? spec.Threads,
                Lambda = parsed.GetValue(lambda) ?? spec.Lambda,
                CacheDirectory = parsed.GetValue(cache) ?? spec.CacheDirectory,
                Overrides = parsed.GetValue(set) ?? [],
            };
            if (parsed.GetValue(parameters) is { } file)
            {
                if (!file.Exists) throw new FileNotFoundException($"--params: file not found: {file.FullName}");
                spec = spec with { ParameterJson = File.ReadAllText(file.FullName) };
            }
            if (parsed.GetValue(methods) is { Length: > 0 } chosen) spec = spec with { Methods = MethodSelection.Parse(chosen) };
            if (parsed.GetValue(epochs) is { } e) spec = spec with { BaseEpochs = e };
            spec = spec with { Quirks = ReferenceQuirks.Switched(spec.Quirks, parsed.GetValue(quirks), parsed.GetValue(noQuirks)) };
            spec = spec with { RetainSampleSize = RetainEvalOption.Get(parsed, retainEval, spec.RetainSampleSize) };
            var runName = spec.Dataset == "synthfaces" ? $"{spec.Dataset}-{spec.TaskKind}-{spec.Preset}" : $"{spec.Dataset}-{spec.Preset}";
            spec = spec with { OutputDirectory = parsed.GetValue(output) ?? Path.Combine("runs", runName) };

            if (parsed.GetValue(quiet) && parsed.GetValue(verbose)) throw new ArgumentException("--quiet and --verbose cannot be used together");
            var verbosity = parsed.GetValue(quiet) ? Verbosity.Quiet : parsed.GetValue(verbose) ? Verbosity.Verbose : Verbosity.Normal;
            var commandLine = "lethe " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            RunRecord RunOne(ExperimentSpec one)
            {
                var run = RunRenderer.Run(console, observer => new BenchmarkRunner(observer).Run(one, commandLine), verbosity);
                var files = ReportSet.WriteAll(run, one.OutputDirectory);
                TablePrinter.Print(console, run);
                var report = ReportBuilder.Build(one.OutputDirectory, "html");
                console.MarkupLine($"[grey]wrote {string.Join(", ", files.Append(report.Path).Select(f => Markup.Escape(f)))}[/]");
                return run;
            }
            if (parsed.GetValue(seeds) is not { } seedText)
            {
                RunOne(spec);
                return LetheApp.Ok;
            }
            var sweep = SeedSweep.Parse(seedText, spec.Seed, parsed.GetValue(vary));
            sweep.Run(spec, RunOne);
            // The sweep's own report: every cell as mean ± 95% CI over the seeds' folders.
            var written = ReportBuilder.Formats.Select(f => ReportBuilder.Build(spec.OutputDirectory, f).Path).ToArray();
            console.WriteLine(File.ReadAllText(written[1]).Split("\n## ")[0].Trim());
            console.MarkupLine($"[grey]wrote {string.Join(", ", written.Select(f => Markup.Escape(f)))}[/]");
            return LetheApp.Ok;
        });
        return command;
    }
}
