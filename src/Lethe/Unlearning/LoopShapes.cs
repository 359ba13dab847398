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
/// The loop shapes of the methods, in one place: which batches a method steps on, epoch by epoch. Most are plain
/// passes; the reference's own shapes (the retain clock, lockstep pairs, full batches only, as its NegGrad and UNSIR
/// notebooks loop) are generic in the batch type, so the same code that feeds a method counts its steps from set sizes
/// alone (<see cref="NegGradSteps"/>, <see cref="AdvancedNegGradSteps"/>). Batches that a shape skips are discarded
/// here; the consumer disposes the ones it receives (<see cref="UnlearningLoop.Each{T}"/>).
/// </summary>
internal static class LoopShapes
{
    /// <summary>Every batch of <paramref name="epochs"/> epochs, with its 1-based epoch.</summary>
    public static IEnumerable<(int Epoch, T Batch)> Passes<T>(int epochs, Func<IEnumerable<T>> epoch)
    {
        for (int e = 1; e <= epochs; e++)
            foreach (var batch in epoch())
                yield return (e, batch);
    }

    /// <summary>Every retain batch, <paramref name="epochs"/> times: fine-tuning's shape (FT, CF-k, UNSIR's repair, l1-sparse);
    /// each epoch in the first one's order with <paramref name="replayFirstEpoch"/>.</summary>
    public static IEnumerable<(int Epoch, Batch Batch)> RetainPasses(UnlearningLoop loop, int epochs, string stream = "retain",
        bool replayFirstEpoch = false) =>
        Passes(epochs, loop.Loader(loop.Context.Retain, stream, replayFirstEpoch: replayFirstEpoch).Epoch);

    /// <summary>Random Labels and SalUn (the reference's CIFAR-10 loop): per epoch a pass over the forget set with
    /// random targets, then a pass over the retain set.</summary>
    public static IEnumerable<(int Epoch, Batch Batch)> RelabelledForgetThenRetain(UnlearningLoop loop, int epochs)
    {
        var forget = loop.RandomTargets(loop.Loader(loop.Context.Forget, "forget").Epoch, "forget/targets");
        var retain = loop.Loader(loop.Context.Retain, "retain");
        return Passes(epochs, () => forget().Concat(retain.Epoch()));
    }

    /// <summary>NegGrad: MUFAC and binary tick on the retain loader; multi-label passes over the forget loader.</summary>
    public static bool NegGradUsesRetainClock(UnlearningVariant variant, bool unifiedLoop) =>
        !unifiedLoop && variant != UnlearningVariant.MultiLabel;

    /// <summary>The forget batches NegGrad steps on, drawn from <paramref name="forget"/>.</summary>
    public static IEnumerable<(int Epoch, Batch Forget)> NegGrad(UnlearningLoop loop, bool unifiedLoop, int epochs,
        BatchLoader forget) =>
        NegGrad(NegGradUsesRetainClock(loop.Context.Variant, unifiedLoop), epochs, loop.Context.Retain.Count,
            loop.Context.BatchSize, forget.Epoch, loop.Cycling(forget), Sizing.Batches);

    /// <summary>The optimiser steps NegGrad takes for these set sizes.</summary>
    public static int NegGradSteps(UnlearningVariant variant, bool unifiedLoop, int retainCount, int forgetCount,
        int batchSize, int epochs) =>
        NegGrad(NegGradUsesRetainClock(variant, unifiedLoop), epochs, retainCount, batchSize,
            () => Sizes(forgetCount, batchSize), NextOf(CyclingSizes(forgetCount, batchSize)), Sizing.Counts).Count();

    /// <summary>Advanced NegGrad: MUFAC pairs as NegGrad (retain clock, cycling forget stream); MUCAC pairs in
    /// lockstep.</summary>
    public static bool AdvancedNegGradUsesRetainClock(UnlearningVariant variant, bool unifiedLoop) =>
        !unifiedLoop && variant == UnlearningVariant.MultiClass;

    /// <summary>The (retain, forget) pairs Advanced NegGrad steps on.</summary>
    public static IEnumerable<(int Epoch, Batch Retain, Batch Forget)> AdvancedNegGrad(UnlearningLoop loop,
        bool unifiedLoop, int epochs, BatchLoader retain, BatchLoader forget) =>
        Pairs(AdvancedNegGradUsesRetainClock(loop.Context.Variant, unifiedLoop), epochs, loop.Context.BatchSize,
            retain.Epoch, forget.Epoch, loop.Cycling(forget), Sizing.Batches, Sizing.Batches);

    /// <summary>The optimiser steps Advanced NegGrad takes for these set sizes.</summary>
    public static int AdvancedNegGradSteps(UnlearningVariant variant, bool unifiedLoop, int retainCount, int forgetCount,
        int batchSize, int epochs) =>
        Pairs(AdvancedNegGradUsesRetainClock(variant, unifiedLoop), epochs, batchSize,
            () => Sizes(retainCount, batchSize), () => Sizes(forgetCount, batchSize),
            NextOf(CyclingSizes(forgetCount, batchSize)), Sizing.Counts, Sizing.Counts).Count();

    /// <summary>UNSIR stage 1: retain and forget batches in lockstep, full pairs only, every epoch.</summary>
    public static IEnumerable<(int Epoch, Batch Retain, Batch Forget)> Lockstep(UnlearningLoop loop, int epochs,
        BatchLoader retain, BatchLoader forget) =>
        Pairs(retainClock: false, epochs, loop.Context.BatchSize, retain.Epoch, forget.Epoch,
            () => throw new InvalidOperationException("lockstep pairs draw no cycling batches"), Sizing.Batches, Sizing.Batches);

    /// <summary>
    /// NegGrad's forget batches with their epoch. With the retain clock only the retain set's batch sizes matter, so the
    /// clock runs on sizes and no retain image is loaded.
    /// </summary>
    private static IEnumerable<(int Epoch, T Forget)> NegGrad<T>(bool retainClock, int epochs, int retainCount,
        int batchSize, Func<IEnumerable<T>> forgetEpoch, Func<T> nextForget, Sizing<T> sizing)
    {
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var batches = retainClock
                ? RetainClock(Sizes(retainCount, batchSize), nextForget, Sizing.Counts, sizing).Select(pair => pair.Forget)
                : FullOnly(forgetEpoch(), batchSize, sizing);
            foreach (var batch in batches)
                yield return (epoch, batch);
        }
    }

    /// <summary>Pairs of retain and forget batches with their epoch: on the retain clock, or in lockstep.</summary>
    private static IEnumerable<(int Epoch, TR Retain, TF Forget)> Pairs<TR, TF>(bool retainClock, int epochs,
        int batchSize, Func<IEnumerable<TR>> retainEpoch, Func<IEnumerable<TF>> forgetEpoch, Func<TF> nextForget,
        Sizing<TR> retainSizing, Sizing<TF> forgetSizing)
    {
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var pairs = retainClock
                ? RetainClock(retainEpoch(), nextForget, retainSizing, forgetSizing)
                : Lockstep(retainEpoch(), forgetEpoch(), batchSize, retainSizing, forgetSizing);
            foreach (var (retain, forget) in pairs)
                yield return (epoch, retain, forget);
        }
    }

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
