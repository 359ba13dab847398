using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// The five sets of the benchmark. Forget and retain partition train; test and unseen hold other people.
/// </summary>
public sealed class BenchmarkData : IDisposable
{
    public required string Name { get; init; }

    public required PredictionTask Task { get; init; }

    public required ImageSet Train { get; init; }

    public required ImageSet Forget { get; init; }

    public required ImageSet Retain { get; init; }

    public required ImageSet Test { get; init; }

    public required ImageSet Unseen { get; init; }

    /// <summary>A hash of every sample and pixel, so that caches keyed on it notice any change of data.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>What the loader left out (skipped bad images, excluded duplicates) or warns about, each one line.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The same sets with <paramref name="more"/> notes (the sets move over: dispose only the result).</summary>
    public BenchmarkData WithNotes(IReadOnlyList<string> more) => new()
    {
        Name = Name, Task = Task, Train = Train, Forget = Forget, Retain = Retain, Test = Test, Unseen = Unseen,
        Fingerprint = Fingerprint, Notes = [.. Notes, .. more],
    };

    public void Dispose()
    {
        foreach (var set in new[] { Train, Forget, Retain, Test, Unseen }) set.Dispose();
    }
}
