namespace Lethe.Data;

/// <summary>
/// The reference's cycling forget stream (its MUFAC and binary NegGrad loops call <c>iter(forget_dataloader_train)</c>
/// again on <c>StopIteration</c>): an endless iterator over a loader's epochs that starts a new (reshuffled) epoch
/// whenever the current one runs out, and persists across the caller's epochs.
/// </summary>
public sealed class CyclingBatches(BatchLoader loader) : IDisposable
{
    private IEnumerator<Batch>? current;

    public BatchLoader Loader { get; } = loader;

    /// <summary>How many epochs of the loader this stream has started.</summary>
    public int EpochsStarted { get; private set; }

    /// <summary>The next batch, which the caller disposes.</summary>
    public Batch Next()
    {
        if (current is not null && current.MoveNext()) return current.Current;
        if (Loader.Count == 0) throw new InvalidOperationException($"the loader of stream '{Loader.Stream}' has no samples to cycle over");
        current?.Dispose();
        current = Loader.Epoch().GetEnumerator();
        EpochsStarted++;
        if (!current.MoveNext()) throw new InvalidOperationException($"stream '{Loader.Stream}' produced an empty epoch");
        return current.Current;
    }

    /// <summary>Stops the loader's background work and frees the batches it prepared but never handed out.</summary>
    public void Dispose()
    {
        current?.Dispose();
        current = null;
    }
}
