using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Training;
using static TorchSharp.torch;
using Lethe.Numerics;

namespace Lethe.Unlearning;

/// <summary>
/// Everything an unlearning method may use: the Original model (never modified), the forget and retain sets, the task,
/// the training transform, the device, the seed and the sinks for progress and cancellation. A method never reads files.
/// </summary>
public sealed class UnlearningContext
{
    private readonly UnlearningVariant? variant;
    private readonly IImageTransform? evalTransform;

    /// <summary>The model to unlearn from. Methods work on copies (<see cref="CopyOriginal"/>) and never change it.</summary>
    public required nn.Module<Tensor, Tensor> Original { get; init; }

    /// <summary>The architecture name of <see cref="Original"/>, for <see cref="Networks.Copy"/>. Default "resnet18".</summary>
    public string Architecture { get; init; } = "resnet18";

    public required PredictionTask Task { get; init; }

    /// <summary>Which defaults and loop shapes apply. Default: derived from <see cref="Task"/> (<see cref="UnlearningVariants.Of"/>).</summary>
    public UnlearningVariant Variant
    {
        get => variant ?? UnlearningVariants.Of(Task);
        init => variant = value;
    }

    public required ImageSet Forget { get; init; }

    public required ImageSet Retain { get; init; }

    /// <summary>The Original's whole training set (forget and retain), for methods that measure it (SSD's global
    /// importances). Default none: such methods then take the retain set followed by the forget set.</summary>
    public ImageSet? Train { get; init; }

    /// <summary>The augmenting transform of the training views (the reference's <c>train_transform</c>).</summary>
    public required IImageTransform TrainTransform { get; init; }

    /// <summary>The deterministic transform of unaugmented views (the reference's <c>test_transform</c>). Default: the
    /// evaluation transform at the retain images' size.</summary>
    public IImageTransform EvalTransform
    {
        get => evalTransform ?? new EvalTransform(Retain.Height);
        init => evalTransform = value;
    }

    /// <summary>The recipe the run trains Retrained with, for a method that trains a network afresh as Retrained is
    /// trained (the Retrained control). Default none: such a method then refuses to run.</summary>
    public TrainRecipe? RetrainedRecipe { get; init; }

    /// <summary>Where every model and tensor lives. Default CPU.</summary>
    public Device Device { get; init; } = CPU;

    /// <summary>The experiment seed. Each method derives its own streams "unlearn/&lt;key&gt;/..." from it, so every method
    /// starts from the same state, as the reference's "seed 42 before each method" does. Default 42.</summary>
    public long Seed { get; init; } = Seeds.Default;

    /// <summary>The reference's batch size for every unlearning loader: 64.</summary>
    public const int DefaultBatchSize = 64;

    /// <summary>Batch size of every loader; a "full batch" has exactly this many samples. Default 64.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    public IProgress<UnlearningProgress>? Progress { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>The clock for <see cref="UnlearnedModel.Elapsed"/>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The context of a benchmark's data: forget, retain and the whole training set of <paramref name="data"/>,
    /// with the run's Retrained recipe when it is given.</summary>
    public static UnlearningContext Of(BenchmarkData data, nn.Module<Tensor, Tensor> original, string architecture,
        IImageTransform trainTransform, IImageTransform evalTransform, Device device, long seed,
        IProgress<UnlearningProgress>? progress, CancellationToken cancel, TimeProvider time, int batchSize = DefaultBatchSize,
        TrainRecipe? retrainedRecipe = null) => new()
    {
        BatchSize = batchSize,
        RetrainedRecipe = retrainedRecipe,
        Original = original,
        Architecture = architecture,
        Task = data.Task,
        Forget = data.Forget,
        Retain = data.Retain,
        Train = data.Train,
        TrainTransform = trainTransform,
        EvalTransform = evalTransform,
        Device = device,
        Seed = seed,
        Progress = progress,
        CancellationToken = cancel,
        Time = time,
    };

    /// <summary>An independent copy of <see cref="Original"/> on <see cref="Device"/>.</summary>
    public nn.Module<Tensor, Tensor> CopyOriginal() => Networks.Copy(Original, Architecture, Task.Outputs, Device);
}
