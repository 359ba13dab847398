using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Lethe.Experiments;
using Lethe.Models;
using static TorchSharp.torch;
using Lethe.Numerics;

namespace Lethe.Data;

/// <summary>Loader settings: batch 64 and no dropped partial batch, as the reference notebooks' DataLoaders.</summary>
/// <param name="BatchSize">Samples per batch; the last batch of an epoch may be smaller.</param>
/// <param name="Shuffle">A new order every epoch (training views) or the set's order (evaluation views).</param>
/// <param name="Prefetch">Prepare the next batch on a background thread; results are identical either way.</param>
/// <param name="ReplayFirstEpoch">Every epoch repeats the first one's order and augmentation (what re-seeding at each
/// epoch start does; a reference quirk, see ReferenceQuirk.EpochReseed).</param>
public sealed record BatchOptions(int BatchSize = 64, bool Shuffle = false, bool Prefetch = true, bool ReplayFirstEpoch = false)
{
    public static BatchOptions Training { get; } = new(Shuffle: true);

    public static BatchOptions Evaluation { get; } = new(Shuffle: false);
}

/// <summary>
/// Mini-batches of one <see cref="ImageSet"/> through one transform, on one device. Epoch k's order and augmentation
/// come from the stream "<c>{stream}/epoch{k}</c>" of the seed alone (k = 0 for every epoch with
/// <see cref="BatchOptions.ReplayFirstEpoch"/>), so two loaders with the same seed and stream agree batch for batch, with
/// or without prefetching.
/// </summary>
public sealed class BatchLoader
{
    private readonly Tensor targets;
    private int epochsStarted;

    public BatchLoader(ImageSet set, PredictionTask task, IImageTransform transform, BatchOptions options, Device device,
        long seed, string stream)
    {
        if (options.BatchSize <= 0) throw new ArgumentException($"batch size must be positive, got {options.BatchSize}");
        Set = set;
        Task = task;
        Transform = transform;
        Options = options;
        Device = device;
        Seed = seed;
        Stream = stream;
        // The loader outlives any step scope of its caller, so its targets must not belong to one.
        targets = task.Targets(set.Samples).DetachFromDisposeScope();
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

    /// <summary>How many epochs <see cref="Epoch"/> has started so far; the next epoch has this number.</summary>
    public int EpochsStarted => Volatile.Read(ref epochsStarted);

    /// <summary>Moves to epoch <paramref name="epochs"/> without producing batches (a resumed training run).</summary>
    public void SkipEpochs(int epochs)
    {
        if (epochs < 0) throw new ArgumentOutOfRangeException(nameof(epochs));
        Interlocked.Add(ref epochsStarted, epochs);
    }

    /// <summary>
    /// The batches of the next epoch. Each call starts a new epoch: reshuffled when Shuffle is on, with an order and
    /// augmentation that depend only on (seed, stream, epoch number). The last batch may be partial. The caller
    /// disposes every batch it receives; leaving the loop early stops the background work and frees what it prepared.
    /// </summary>
    public IEnumerable<Batch> Epoch()
    {
        var epoch = Interlocked.Increment(ref epochsStarted) - 1;
        return Options.Prefetch ? Prefetched(epoch) : Sequential(epoch);
    }

    private IEnumerable<Batch> Sequential(int epoch)
    {
        using var plan = new EpochPlan(this, epoch);
        for (var b = 0; b < BatchesPerEpoch; b++) yield return plan.MakeBatch(b);
    }

    /// <summary>
    /// One producer thread draws all randomness of the epoch in batch order, exactly as <see cref="Sequential"/> does,
    /// so thread timing never changes a number. The queue holds one batch; one more may be in preparation.
    /// </summary>
    private IEnumerable<Batch> Prefetched(int epoch)
    {
        using var queue = new BlockingCollection<Batch>(boundedCapacity: 1);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var producer = new Thread(() =>
        {
            try
            {
                using var plan = new EpochPlan(this, epoch);
                for (var b = 0; b < BatchesPerEpoch && !stop.IsCancellationRequested; b++)
                {
                    var batch = plan.MakeBatch(b);
                    try { queue.Add(batch, stop.Token); }
                    catch (OperationCanceledException) { batch.Dispose(); }
                }
            }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
            finally { queue.CompleteAdding(); }
        }) { IsBackground = true, Name = $"Lethe prefetch {Stream}" };
        producer.Start();
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable()) yield return batch;
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Join();
            while (queue.TryTake(out var left)) left.Dispose();
        }
    }

    /// <summary>The order and the random stream of one epoch, and how to cut batch b from them.</summary>
    private sealed class EpochPlan : IDisposable
    {
        private readonly BatchLoader loader;
        private readonly Generator random;
        private readonly long[] order;

        public EpochPlan(BatchLoader loader, int epoch)
        {
            this.loader = loader;
            var planned = loader.Options.ReplayFirstEpoch ? 0 : epoch;
            random = Seeds.Generator(loader.Seed, $"{loader.Stream}/epoch{planned}");
            order = loader.Options.Shuffle ? Permutation(loader.Count, random) : Enumerable.Range(0, loader.Count).Select(i => (long)i).ToArray();
        }

        /// <summary>
        /// Batch b, computed with one torch thread whichever thread calls: LibTorch's thread count is per OS thread, and
        /// the colour jitter's reductions give other bits at another count, so this keeps prefetched, sequential and
        /// parallel-job batches identical.
        /// </summary>
        public Batch MakeBatch(int b)
        {
            int callerThreads = get_num_threads();
            TorchThreads.Set(1);
            try
            {
                return MakeBatchSingleThreaded(b);
            }
            finally
            {
                TorchThreads.Set(callerThreads);
            }
        }

        private Batch MakeBatchSingleThreaded(int b)
        {
            using var scope = NewDisposeScope();
            var start = b * loader.Options.BatchSize;
            var length = Math.Min(loader.Options.BatchSize, order.Length - start);
            var index = tensor(order.AsSpan(start, length).ToArray(), ScalarType.Int64);
            var images = loader.Transform.Apply(loader.Set.Pixels.index_select(0, index), random);
            // The batch owns its tensors: they may be born on the producer thread, outside any scope of the consumer.
            return new Batch(
                images.to(loader.Device).DetachFromDisposeScope(),
                loader.targets.index_select(0, index).to(loader.Device).DetachFromDisposeScope());
        }

        public void Dispose() => random.Dispose();

        private static long[] Permutation(int count, Generator random)
        {
            using var permutation = randperm(count, generator: random);
            return permutation.data<long>().ToArray();
        }
    }
}
