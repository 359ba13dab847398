namespace Lethe.Unlearning;

/// <summary>SCRUB hyper-parameters (the reference's SCRUB notebooks); defaults depend on the variant.</summary>
public sealed record ScrubHyperParameters
{
    /// <summary>SGD learning rate. Default 0.001 (binary: 0.0001).</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Epochs, each a min phase then a max phase. Default 2 (binary: 1).</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Distillation temperature T. Default 4.</summary>
    public double Temperature { get; init; } = 4;

    /// <summary>
    /// For multi-label tasks, true replicates the reference's multi-label SCRUB notebook: min phase only, softmax
    /// distillation over the attribute logits. False runs the corrected variant: max phase on, Bernoulli KL per label
    /// on sigmoid(logit / T). Other variants ignore it. Default true.
    /// </summary>
    public bool ReferenceMode { get; init; } = true;

    /// <summary>Every epoch repeats the first one's order and augmentation, as the reference's MUCAC multi-label notebook
    /// did by re-seeding at the start of each epoch (<c>SCRUBTraining.train_epoch</c>). Default false.</summary>
    public bool EpochReseedQuirk { get; init; }
}

/// <summary>
/// SCRUB as implemented by the reference ("SCRUB"): a student, initialised from the Original, stays close to the frozen
/// Original (the teacher) on retain while moving away from it on forget (<c>SCRUBTraining</c> in the reference's SCRUB
/// notebooks; simpler than the SCRUB of its paper, Kurmanji et al., 2023).
/// </summary>
public sealed class Scrub() : UnlearningMethod<ScrubHyperParameters>("scrub", "SCRUB")
{
    public override ScrubHyperParameters Defaults(UnlearningVariant variant) =>
        variant == UnlearningVariant.Binary ? new() { Lr = 0.0001, Epochs = 1 } : new();

    protected override Optimiser OptimiserFor(ScrubHyperParameters hyper) => Optimiser.Sgd(hyper.Lr);

    protected override void Check(ScrubHyperParameters hyper)
    {
        Distillation.RequireTemperature(Key, hyper.Temperature);
    }

    protected override void Unlearn(UnlearningLoop loop, ScrubHyperParameters hyper)
    {
        var corrected = loop.Context.Variant == UnlearningVariant.MultiLabel && !hyper.ReferenceMode;
        var maxPhase = loop.Context.Variant != UnlearningVariant.MultiLabel || corrected;
        var kd = Distillation.Divergence(Key, perLabel: corrected, hyper.Temperature);
        var teacher = loop.Teacher(loop.Context.CopyOriginal());
        var student = loop.Train(OptimiserFor(hyper));
        var retain = loop.Loader(loop.Context.Retain, "retain", replayFirstEpoch: hyper.EpochReseedQuirk);
        var forget = loop.Loader(loop.Context.Forget, "forget", replayFirstEpoch: hyper.EpochReseedQuirk);
        for (int epoch = 1; epoch <= hyper.Epochs; epoch++)
        {
            ScrubPhases.Min(loop, $"epoch {epoch}/{hyper.Epochs} min phase", student, teacher, retain.Epoch(), kd);
            if (maxPhase) ScrubPhases.Max(loop, $"epoch {epoch}/{hyper.Epochs} max phase", student, teacher, forget.Epoch(), kd);
        }
    }
}
