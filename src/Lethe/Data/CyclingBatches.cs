namespace Lethe.Data;

/// <summary>
/// The reference's "cycling forget stream" (spec §8.1): an endless iterator over a loader's epochs that starts a new
/// (reshuffled) epoch whenever the current one runs out, and persists across the caller's epochs. STUB.
/// </summary>
public sealed class CyclingBatches(BatchLoader loader) : IDisposable
{
    public BatchLoader Loader { get; } = loader;

    public Batch Next() => throw new NotImplementedException();

    public void Dispose() { }
}
