using System.CommandLine;
using Lethe.Cli.Rendering;
using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Reports;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe evaluate MODEL`: all of the benchmark's numbers for a given model file, with nothing trained.</summary>
internal static class EvaluateCommand
{
    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var model = new Argument<string>("MODEL") { Description = "The model to evaluate: a Lethe checkpoint, or a ResNet-18 from PyTorch with torchvision's key names (.pth, a trainer's checkpoint, TorchScript, safetensors)" };
        var dataset = new Option<string?>("--dataset") { Description = DatasetHelp.Choices("default synthfaces") };
        var data = new Option<string?>("--data") { Description = "The dataset's folder (as for `lethe benchmark`)" };
        var preset = new Option<string?>("--preset") { Description = "Settings the model was made with, for the image size and sets: default, quick, paper (128 px; the default for file datasets), cpu (64 px)" };
        preset.AcceptOnlyFromAmong([.. Presets.Names]);
        var retrained = new Option<string?>("--retrained") { Description = "A Retrained model file: report the model's output divergence from it (KL, JS) per set, and its own numbers beside; the floor of the relearning test (area, recovery; its curve cached in <cache>/relearn/)" };
        var original = OriginalOption.CreateForEvaluate();
        var noRelearn = RelearnOption.CreateSkip();
        var set = new Option<string[]>("--set") { Description = "A setting of the relearning test, e.g. --set relearn.steps=20 (repeatable; evaluate runs no unlearning method, so only relearn.NAME=VALUE)" };
        var task = new Option<string?>("--task") { Description = "SynthFaces task: age, male, smiling, young or multilabel" };
        var imageSize = new Option<int?>("--image-size") { Description = "Input side in pixels (overrides the preset's)" };
        var forget = new Option<string?>("--forget") { Description = "Forget set: first:N or identities:N (as for `lethe benchmark`)" };
        var seed = new Option<long?>("--seed") { Description = "Seed of the data split, the retain sample and the attack's subsampling (default 42)" };
        var retainEval = RetainEvalOption.Create();
        var lambda = new Option<double?>("--lambda") { Description = "NoMUS weight λ of accuracy (default 0.5)" };
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: all cores; with --pool, cores / jobs as for `lethe audit`, so the pool's cells are the audit's)" };
        var device = new Option<string?>("--device") { Description = "cpu, cuda or cuda:N" };
        var cache = new Option<string?>("--cache") { Description = "Decoded-image cache folder (default ~/.cache/lethe or $LETHE_CACHE)" };
        var output = new Option<string?>("--out") { Description = "Also write evaluation.json and evaluation.md to this folder" };
        var json = new Option<bool>("--json") { Description = "Print the evaluation as JSON (progress goes to standard error)" };
        var pool = new Option<int?>("--pool") { Description = "Also test the model person by person against K Retrained models (seeds --seed … --seed + K − 1), made in the results store or reused from it as `lethe audit` makes them; at least 2, 8 or more for the Gaussian image score" };
        var poolFiles = new Option<string[]>("--pool-files") { Description = "The same test against Retrained models retrained elsewhere: two or more Lethe checkpoints or PyTorch ResNet-18 files", AllowMultipleArgumentsPerToken = true };
        var store = new Option<string?>("--store") { Description = "Results store of the --pool cells (default <cache>/cells), shared with `lethe audit`" };

        var command = new Command("evaluate", "Evaluate a given model (accuracy, attack, NoMUS; divergence from a Retrained; the relearning test, against a given Original and Retrained) "
            + "training nothing but relearning copies; with --pool K, also a per-person verdict against K Retrained models.")
        {
            model, dataset, data, preset, retrained, original, task, imageSize, forget, seed, retainEval, lambda, noRelearn, set, threads, device, cache, output, json,
            pool, poolFiles, store,
        };
        command.SetAction(parsed =>
        {
            var spec = Presets.For(parsed.GetValue(preset), parsed.GetValue(dataset));
            spec = spec with
            {
                DataDirectory = parsed.GetValue(data),
                Forget = parsed.GetValue(forget),
                TaskKind = parsed.GetValue(task) ?? spec.TaskKind,
                ImageSize = parsed.GetValue(imageSize) ?? spec.ImageSize,
                Seed = parsed.GetValue(seed) ?? spec.Seed,
                Lambda = parsed.GetValue(lambda) ?? spec.Lambda,
                // One model needs one job with every core; a pool is made as `lethe audit` makes it (the preset's jobs,
                // cores / jobs threads each), because the thread count is part of a cell's id: the audit's defaults
                // give the audit's cells, which either command then reuses.
                Jobs = parsed.GetValue(pool) is null ? 1 : spec.Jobs,
                Threads = parsed.GetValue(threads) ?? spec.Threads,
                Device = parsed.GetValue(device) ?? spec.Device,
                CacheDirectory = parsed.GetValue(cache) ?? ExperimentSpec.DefaultCacheDirectory(),
                RetainSampleSize = RetainEvalOption.Get(parsed, retainEval, spec.RetainSampleSize),
                Methods = [],
                NoRelearn = parsed.GetValue(noRelearn),
            };
            spec = spec.WithSet(parsed.GetValue(set) ?? []);
            if (spec.Overrides.Count > 0)
                throw new ArgumentException($"--set {spec.Overrides[0]}: lethe evaluate runs no unlearning method; only the relearning test's settings apply (relearn.NAME=VALUE)");
            if (parsed.GetValue(output) is { } outFolder) OutputPaths.Folder("--out", outFolder);
            bool asJson = parsed.GetValue(json);
            var progress = new SyncProgress<string>(line =>
            {
                if (asJson) error.WriteLine(line);
                else console.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
            });
            var commandLine = "lethe " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
            var (modelFile, retrainedFile) = (Path.GetFullPath(parsed.GetValue(model)!), parsed.GetValue(retrained) is { } r ? Path.GetFullPath(r) : null);
            var originalFile = OriginalOption.Get(parsed, original);
            bool sizeChosen = parsed.GetValue(imageSize) is not null;
            var (k, files) = (parsed.GetValue(pool), parsed.GetValue(poolFiles) is { Length: > 0 } given ? given : null);
            if (k is not null && files is not null) throw new ArgumentException("--pool and --pool-files: give one pool, not both");
            if (k is null && parsed.GetValue(store) is not null)
                throw new ArgumentException("--store: only the cells of --pool K live in a store; give --pool K, or leave --store out");
            var report = k is null && files is null
                ? new EvaluationReport(new FileEvaluator(progress).Run(spec, modelFile, retrainedFile, commandLine, sizeChosen, originalFile: originalFile))
                : PoolReport(k is { } size
                    ? PoolEvaluation.ForCells(spec, modelFile, sizeChosen, size, OutputPaths.Store(parsed.GetValue(store), spec))
                    : PoolEvaluation.ForFiles(spec, modelFile, sizeChosen, files!), modelFile, retrainedFile, originalFile, commandLine, progress);

            // --json prints what evaluation.json holds: the one JSON format renders both.
            if (asJson) console.Profile.Out.Writer.WriteLine(ReportFiles.Json.Render(report, null, "."));
            else Print(console, report);
            if (parsed.GetValue(output) is { } folder)
                progress.Report($"wrote {string.Join(", ", ReportFiles.Write(report, folder).Files)}");
            return LetheApp.Ok;
        });
        return command;
    }

    /// <summary>Says what the pool costs before anything trains, then makes it and tests the model against it.</summary>
    private static EvaluationReport PoolReport(PoolEvaluation prepared, string modelFile, string? retrainedFile, string? originalFile, string commandLine,
        IProgress<string> progress)
    {
        using var pool = prepared;
        if (pool.Plan is { } plan && pool.Cost() is { } cost)
        {
            progress.Report($"pool: {plan.N} Retrained models (seeds {plan.Spec.Seed}…{plan.Spec.Seed + plan.N - 1}) in {pool.Store!.Directory}: "
                + $"{cost.Done} reused, {cost.ToDo} to make");
            if (cost.ToDo > 0) foreach (var line in cost.Basis.Prepend(CostLines.Estimate(plan, cost))) progress.Report(line);
        }
        else progress.Report($"pool: {pool.Files.Count} Retrained model files; nothing to train");
        // Cell lines only: per-step training progress would flood a terminal that is not a live display.
        var cells = new SyncProgress<RunEvent>(e => { if (e.Message.Length > 0) progress.Report($"{e.Stage}: {e.Message}"); });
        var (evaluation, test) = pool.Execute(modelFile, retrainedFile, commandLine, progress, cells, originalFile: originalFile);
        return new EvaluationReport(evaluation, test);
    }

    private static void Print(IAnsiConsole console, EvaluationReport report)
    {
        var evaluation = report.Evaluation;
        console.Write(TablePrinter.Grid(FileEvaluationReport.Table(evaluation), evaluation.Data, evaluation.Spec.Seed));
        foreach (var fact in FileEvaluationReport.Facts(evaluation).Where(f => f.Name is "Model" or "Retrained" or FileEvaluationReport.OriginalFact or "Data" or "Attack" or "Retain"))
            console.WriteLine($"{fact.Name}: {fact.Value}");
        console.MarkupLine($"[grey]{Markup.Escape(ReportNotes.Metrics)}[/]");
        if (evaluation.Divergence is not null) console.MarkupLine($"[grey]{Markup.Escape(FileEvaluationReport.DivergenceNote)}[/]");
        if (report.PersonTest is { } test) PrintPeople(console, test);
    }

    private static void PrintPeople(IAnsiConsole console, Lethe.Audit.PersonPoolTest test)
    {
        console.WriteLine();
        console.WriteLine(PersonPoolSection.Heading);
        if (PersonPoolSection.Table(test) is { } table)
        {
            var grid = new Table().Border(TableBorder.Rounded);
            foreach (var column in table.Columns) grid.AddColumn(new TableColumn(Markup.Escape(column)));
            foreach (var row in table.Rows) grid.AddRow(row.Select(Markup.Escape).ToArray());
            console.Write(grid);
        }
        foreach (var line in PersonPoolSection.Lines(test)) console.WriteLine(line);
        console.MarkupLine($"[grey]{Markup.Escape(PersonPoolSection.Legend)}[/]");
    }
}
