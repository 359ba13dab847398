using Lethe.Models;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Training;
using TorchSharp;
using static TorchSharp.torch;
using Lethe.Diagnostics;
using Lethe.Data;

namespace Lethe.Experiments;

/// <summary>
/// Evaluates given model files (a Lethe checkpoint or a PyTorch .pth: the authors' weights, a model unlearned in
/// Python) on a dataset exactly as the benchmark evaluates its own models, without training anything: accuracy on every
/// set, the attack, NoMUS, and with a Retrained, the model's output divergence from it. The relearning test fine-tunes
/// copies (never the files' models) on retain: the model's, and the given Original's and Retrained's as references,
/// whose curves are cached under their files' SHA-256 (<see cref="GivenRelearning"/>).
/// </summary>
public sealed class FileEvaluator(IProgress<string>? progress = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Loads the files (before any data is built, so a bad file costs nothing), builds the data, evaluates.</summary>
    /// <param name="spec">The dataset and evaluation settings; its methods, recipes and Original file are not used.</param>
    /// <param name="modelFile">The model to evaluate.</param>
    /// <param name="retrainedFile">The gold standard to compare it with, or null.</param>
    /// <param name="originalFile">The Original the model was unlearned from, the ceiling of the relearning test and the
    /// start of the weight line, or null.</param>
    /// <param name="commandLine">For the provenance.</param>
    /// <param name="imageSizeChosen">
    /// Whether the user chose <paramref name="spec"/>'s image size. When not, and the model is a cached checkpoint whose
    /// record says it was trained at another size, it is evaluated at that size: a ResNet runs at any size, so a wrong
    /// one gives plausible but wrong numbers (0.15 test accuracy for a 16-px model at 32 px, against 0.21).
    /// </param>
    /// <exception cref="ArgumentException">A bad setting.</exception>
    /// <exception cref="InvalidDataException">A file that does not hold the task's network (the message names it), or bad data.</exception>
    /// <param name="data">The data, when the caller has built it already for <paramref name="spec"/> as
    /// <see cref="SpecFor"/> resolves it (a pool's cells were planned on it); it stays the caller's to dispose. Null:
    /// built here, after the files are loaded.</param>
    public FileEvaluation Run(ExperimentSpec spec, string modelFile, string? retrainedFile, string commandLine = "", bool imageSizeChosen = true,
        BenchmarkData? data = null, string? originalFile = null)
    {
        spec = SpecFor(spec, modelFile, imageSizeChosen);
        spec.Validate();
        long started = _clock.GetTimestamp();
        NativeAllocator.LimitArenas();
        TorchThreads.Set(spec.EffectiveThreads);
        var device = torch.device(spec.Device);
        var provenance = Provenance.Capture(spec.Device, spec.EffectiveThreads, 1, commandLine, _clock.GetUtcNow());
        var (model, modelSource) = Load(modelFile, spec, device);
        using var modelScope = model;
        var (retrained, retrainedSource) = retrainedFile is null ? default : Load(retrainedFile, spec, device);
        using var retrainedScope = retrained;
        var (original, originalSource) = originalFile is null ? default : Load(originalFile, spec, device);
        using var originalScope = original;

        if (data is null) progress?.Report($"building {spec.Dataset} ({spec.ModelTask}, {spec.ImageSize} px)");
        using var built = data is null ? DatasetFactory.Build(spec) : null;
        data ??= built!;
        var summary = DatasetFactory.Summarise(data);
        var options = spec.EvaluationOptions();
        using var sets = EvaluationSets.Of(data, options);
        var transform = new EvalTransform(spec.ImageSize);
        var originalReference = original is null ? Reference.Absent("no --original given") : Reference.Of(original, originalSource.CacheKey);
        var retrainedReference = retrained is null ? Reference.Absent("no --retrained given") : Reference.Of(retrained, retrainedSource.CacheKey);
        var relearning = GivenRelearning.Prepare(spec, data, sets.Forget.Count, originalReference, retrainedReference, device, progress);
        ModelResult Evaluate(nn.Module<Tensor, Tensor> network, GivenModel source, string label, MetricReferences references)
        {
            progress?.Report($"evaluating {label}: {source.File}");
            var evaluation = ModelEvaluator.Evaluate(network, sets, transform, device, options, references, relearning);
            var note = NotFinite(evaluation);
            if (note is not null) progress?.Report($"{label}: {note}");
            return new ModelResult
            {
                Label = label, Source = "given", Role = label == "retrained" ? CellRole.Retrained : CellRole.Unlearned, Given = source, Seconds = double.NaN, PeakMemoryMiB = double.NaN,
                // Accuracy over NaN logits is argmax picking class 0, not a result: the model's numbers do not exist.
                Evaluation = evaluation, Note = note, Diverged = note is not null,
            };
        }
        var results = new List<ModelResult> { Evaluate(model, modelSource, "model", new(originalReference, retrainedReference)) };
        Dictionary<string, OutputDivergence>? divergence = null;
        if (retrained is not null)
        {
            // Against the same references: its relearning curve is its own (just made for the model's area), and its
            // weight line runs from the Original to it.
            results.Add(Evaluate(retrained, retrainedSource, "retrained", new(originalReference, retrainedReference)));
            progress?.Report("comparing the model's outputs with the retrained model's");
            divergence = new()
            {
                ["forget"] = OutputDivergence.Measure(retrained, model, data.Task, sets.Forget, transform, device),
                ["retain"] = OutputDivergence.Measure(retrained, model, data.Task, sets.Retain ?? data.Retain, transform, device),
                ["unseen"] = OutputDivergence.Measure(retrained, model, data.Task, sets.Unseen, transform, device),
                ["test"] = OutputDivergence.Measure(retrained, model, data.Task, sets.Test, transform, device),
            };
        }
        return new FileEvaluation(provenance, spec, summary, results, divergence, _clock.GetElapsedTime(started).TotalSeconds)
        {
            Original = originalSource,
        };
    }

    /// <summary>
    /// <paramref name="spec"/> at the image size the model is evaluated at: the one chosen, or when none was chosen
    /// (<paramref name="imageSizeChosen"/> false), the one the record beside a cached checkpoint gives (see <see cref="Run"/>).
    /// </summary>
    public static ExperimentSpec SpecFor(ExperimentSpec spec, string modelFile, bool imageSizeChosen) =>
        !imageSizeChosen && CheckpointCache.VerifiedInfoBeside(modelFile, out _)?.Key.ImageSize is { } trained && trained != spec.ImageSize
            ? spec with { ImageSize = trained }
            : spec;

    /// <summary>A given file's network, with what its cache record (the .json beside a cached checkpoint) says of it.</summary>
    private (nn.Module<Tensor, Tensor> Model, GivenModel Source) Load(string file, ExperimentSpec spec, Device device) =>
        Load(file, CheckpointCache.VerifiedInfoBeside(file, out var changed)?.Key.ImageSize, spec, device, changed);

    /// <param name="trainedSize">The image size the file's cache record gives, or null when it has none.</param>
    /// <param name="changed">Why the file's cache record does not describe it (its weights changed since), or null.</param>
    private (nn.Module<Tensor, Tensor> Model, GivenModel Source) Load(string file, int? trainedSize, ExperimentSpec spec, Device device,
        string? changed = null)
    {
        progress?.Report($"loading {file}");
        var source = GivenModel.Of(file);
        var model = ModelFile.Load(file, spec.ModelTask, device, out var note);
        var said = string.Join("; ", new[] { note, changed, SizeNote(trainedSize, spec.ImageSize) }.OfType<string>());
        if (said.Length > 0) progress?.Report(said);
        return (model, source with { Note = said.Length > 0 ? said : null });
    }

    /// <summary>
    /// Why a given model has no numbers: its losses are not all finite (a damaged file, or weights that overflow), so the
    /// attack has nothing to fit and its accuracies count argmax over NaN logits. Null when every loss is finite.
    /// </summary>
    private static string? NotFinite(Evaluation.ModelEvaluation evaluation)
    {
        int Bad(string set) => evaluation.Losses[set].Count(l => !float.IsFinite(l));
        var (forget, unseen) = (Bad("forget"), Bad("unseen"));
        if (forget + unseen == 0) return null;
        return $"its loss is NaN or infinite on {forget} forget, {unseen} unseen and {Bad("test")} test images, "
            + "so none of its numbers exist";
    }

    /// <summary>What the record beside a cached checkpoint says of its image size, when it says one.</summary>
    private static string? SizeNote(int? trainedSize, int evaluatedAt) => trainedSize switch
    {
        null => null,
        var trained when trained == evaluatedAt => $"trained at {trained} px (its cache record says)",
        var trained => $"trained at {trained} px (its cache record says) but evaluated at {evaluatedAt} px",
    };
}
