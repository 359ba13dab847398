namespace Lethe.Unlearning;

/// <summary>Fine-tuning hyper-parameters (the reference's fine-tuning notebooks).</summary>
public sealed record FineTuneHyperParameters
{
    /// <summary>SGD learning rate. Default 0.001.</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Passes over the retain set. Default 2.</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Train with BatchNorm in evaluation mode, as the reference's MUFAC notebook accidentally did. Default false.</summary>
    public bool BnEvalQuirk { get; init; }

    /// <summary>Every epoch repeats the first one's order and augmentation, as the reference's MUCAC multi-label notebook
    /// did by re-seeding at each epoch start. Default false.</summary>
    public bool EpochReseedQuirk { get; init; }
}

/// <summary>Fine-tuning ("Fine-tuning"): keep minimising the loss on the retain set, hoping the forget set fades.</summary>
public sealed class FineTune() : UnlearningMethod<FineTuneHyperParameters>("finetune", "Fine-tuning")
{
    protected override Optimiser OptimiserFor(FineTuneHyperParameters hyper) => Optimiser.Sgd(hyper.Lr);

    protected override void Unlearn(UnlearningLoop loop, FineTuneHyperParameters hyper)
    {
        loop.Train(OptimiserFor(hyper), batchNormTraining: !hyper.BnEvalQuirk);
        loop.Fit(LoopShapes.RetainPasses(loop, hyper.Epochs, replayFirstEpoch: hyper.EpochReseedQuirk),
            epoch => $"epoch {epoch}/{hyper.Epochs} retain");
    }
}
