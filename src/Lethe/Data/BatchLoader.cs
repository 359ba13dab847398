using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>Loader settings (spec §5): batch 64, no dropped partial batch.</summary>
public sealed record BatchOptions(int BatchSize = 64, bool Shuffle = false, bool Prefetch = true)
{
    public static BatchOptions Training { get; } = new(Shuffle: true);

    public static BatchOptions Evaluation { get; } = new(Shuffle: false);
}

/// <summary>
/// Mini-batches of one <see cref="ImageSet"/> through one transform, on one device. STUB: the pipeline work fills it in.
/// </summary>
public sealed class BatchLoader
{
    public BatchLoader(ImageSet set, PredictionTask task, IImageTransform transform, BatchOptions options, Device device,
        long seed, string stream)
    {
        Set = set;
        Task = task;
        Transform = transform;
        Options = options;
        Device = device;
        Seed = seed;
        Stream = stream;
    }

    public ImageSet Set { get; }

    public PredictionTask Task { get; }

    public IImageTransform Transform { get; }

    public BatchOptions Options { get; }

    public Device Device { get; }

    public long Seed { get; }

    public string Stream { get; }

    public int Count => Set.Count;

    public int BatchesPerEpoch => (Set.Count + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>
    /// The batches of the next epoch. Each call starts a new epoch: reshuffled when Shuffle is on, with an order and
    /// augmentation that depend only on (seed, stream, epoch number). The last batch may be partial.
    /// </summary>
    public IEnumerable<Batch> Epoch() => throw new NotImplementedException();
}
