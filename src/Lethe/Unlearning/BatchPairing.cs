using Lethe.Data;

namespace Lethe.Unlearning;

/// <summary>How to measure and drop one kind of batch, so the loop shapes below run on real batches and, for
/// counting, on plain batch sizes.</summary>
internal readonly record struct Sizing<T>(Func<T, long> Size, Action<T> Discard);

internal static class Sizing
{
    public static Sizing<Batch> Batches { get; } = new(b => b.Size, b => b.Dispose());

    /// <summary>A batch represented by its size alone.</summary>
    public static Sizing<int> Counts { get; } = new(n => n, _ => { });
}

/// <summary>
/// The reference's loop shapes (spec §8.4-8.6). Batches that a shape skips are discarded here; the consumer disposes
/// the ones it receives.
/// </summary>
internal static class BatchPairing
{
    /// <summary>The batch sizes of one epoch over <paramref name="count"/> samples (the last may be partial).</summary>
    public static IEnumerable<int> Sizes(int count, int batchSize)
    {
        for (int start = 0; start < count; start += batchSize)
            yield return Math.Min(batchSize, count - start);
    }

    /// <summary>The endless size sequence of a cycling stream over <paramref name="count"/> samples.</summary>
    public static IEnumerable<int> CyclingSizes(int count, int batchSize)
    {
        if (count <= 0) throw new ArgumentException("a cycling stream needs at least one sample", nameof(count));
        while (true)
            foreach (var size in Sizes(count, batchSize))
                yield return size;
    }

    /// <summary>Only the batches of exactly <paramref name="batchSize"/> samples.</summary>
    public static IEnumerable<T> FullOnly<T>(IEnumerable<T> epoch, int batchSize, Sizing<T> sizing)
    {
        foreach (var batch in epoch)
        {
            if (sizing.Size(batch) == batchSize) yield return batch;
            else sizing.Discard(batch);
        }
    }

    /// <summary>
    /// MUFAC/binary NegGrad: each retain batch is one tick of the clock; every tick draws the next forget batch from
    /// the cycling stream, and the pair is skipped when the two sizes differ.
    /// </summary>
    public static IEnumerable<(TR Retain, TF Forget)> RetainClock<TR, TF>(IEnumerable<TR> retainEpoch,
        Func<TF> nextForget, Sizing<TR> retainSizing, Sizing<TF> forgetSizing)
    {
        foreach (var retain in retainEpoch)
        {
            var forget = nextForget();
            if (retainSizing.Size(retain) == forgetSizing.Size(forget))
            {
                yield return (retain, forget);
                continue;
            }
            retainSizing.Discard(retain);
            forgetSizing.Discard(forget);
        }
    }

    /// <summary>
    /// MUCAC Advanced NegGrad and UNSIR stage 1: forget and retain batches side by side, stopping when either loader
    /// ends (the forget loader, in the benchmark), keeping a pair only when both batches are full.
    /// </summary>
    public static IEnumerable<(TR Retain, TF Forget)> Lockstep<TR, TF>(IEnumerable<TR> retainEpoch,
        IEnumerable<TF> forgetEpoch, int batchSize, Sizing<TR> retainSizing, Sizing<TF> forgetSizing)
    {
        using var forgets = forgetEpoch.GetEnumerator();
        using var retains = retainEpoch.GetEnumerator();
        while (forgets.MoveNext())
        {
            var forget = forgets.Current;
            if (!retains.MoveNext())
            {
                forgetSizing.Discard(forget);
                yield break;
            }
            var retain = retains.Current;
            if (retainSizing.Size(retain) == batchSize && forgetSizing.Size(forget) == batchSize)
            {
                yield return (retain, forget);
                continue;
            }
            retainSizing.Discard(retain);
            forgetSizing.Discard(forget);
        }
    }

    /// <summary>An endless stream of sizes as a "next batch" function, for counting a cycling stream's draws.</summary>
    public static Func<int> NextOf(IEnumerable<int> endless)
    {
        var enumerator = endless.GetEnumerator();
        return () => enumerator.MoveNext() ? enumerator.Current : throw new InvalidOperationException("stream ended");
    }
}
