namespace Lethe.Unlearning;

/// <summary>CF-k hyper-parameters (the reference's fine-tuning notebooks, "CF-k").</summary>
public sealed record CatastrophicForgettingHyperParameters
{
    /// <summary>SGD learning rate. Default 0.001.</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Passes over the retain set. Default 2.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Trainable blocks counted from the head: 1 = fc, 2 = +layer4, 3 = +layer3, ..., 6 = everything. Default 3.</summary>
    public int K { get; init; } = 3;

    /// <summary>Every epoch repeats the first one's order and augmentation, as the reference's MUCAC multi-label notebook
    /// did by re-seeding at each epoch start. Default false.</summary>
    public bool EpochReseedQuirk { get; init; }
}

/// <summary>
/// CF-k ("CF-3"): fine-tuning on the retain set with only the last k blocks trainable. Frozen BatchNorm layers still
/// update their running statistics, as in the reference.
/// </summary>
public sealed class CatastrophicForgetting() : UnlearningMethod<CatastrophicForgettingHyperParameters>("cf")
{
    /// <summary>ResNet blocks from the head backwards; the stem (conv1 + bn1) counts as one block.</summary>
    internal static IReadOnlyList<string[]> BlocksFromHead { get; } =
        [["fc"], ["layer4"], ["layer3"], ["layer2"], ["layer1"], ["conv1", "bn1"]];

    public override IReadOnlyList<string> LabelsFor(CatastrophicForgettingHyperParameters hyperParameters) =>
        [$"CF-{hyperParameters.K}"];

    protected override Optimiser OptimiserFor(CatastrophicForgettingHyperParameters hyper) => Optimiser.Sgd(hyper.Lr);

    protected override void Check(CatastrophicForgettingHyperParameters hyper)
    {
        TrainablePrefixes(hyper.K);
    }

    protected override void Unlearn(UnlearningLoop loop, CatastrophicForgettingHyperParameters hyper)
    {
        var prefixes = TrainablePrefixes(hyper.K);
        // The reference built its optimiser before freezing, which plain SGD cannot tell apart from this.
        loop.Train(OptimiserFor(hyper), trains: name => prefixes.Any(p => name.StartsWith(p + ".", StringComparison.Ordinal)));
        loop.Fit(LoopShapes.RetainPasses(loop, hyper.Epochs, replayFirstEpoch: hyper.EpochReseedQuirk),
            epoch => $"epoch {epoch}/{hyper.Epochs} retain");
    }

    /// <summary>The parameter-name prefixes that CF-k trains.</summary>
    internal static IReadOnlyList<string> TrainablePrefixes(int k)
    {
        if (k < 1 || k > BlocksFromHead.Count)
            throw new ArgumentException($"cf.k must be in 1..{BlocksFromHead.Count} (1 = head only), got {k}");
        return BlocksFromHead.Take(k).SelectMany(block => block).ToArray();
    }
}
