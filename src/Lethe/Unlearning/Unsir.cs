namespace Lethe.Unlearning;

/// <summary>UNSIR hyper-parameters (the reference's UNSIR notebooks).</summary>
public sealed record UnsirHyperParameters
{
    /// <summary>SGD learning rate of both stages. Default 0.001.</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Epochs of stage 1 (impair). Default 2.</summary>
    public int ImpairEpochs { get; init; } = 2;

    /// <summary>Epochs of stage 2 (repair: fine-tuning on retain). Default 1.</summary>
    public int RepairEpochs { get; init; } = 1;

    /// <summary>Adam learning rate of the noise. Default 0.01.</summary>
    public double NoiseLr { get; init; } = 0.01;

    /// <summary>Adam steps on each noise batch. Default 5.</summary>
    public int NoiseSteps { get; init; } = 5;

    /// <summary>Run both stages with BatchNorm in evaluation mode, as the reference's MUFAC notebook accidentally did. Default false.</summary>
    public bool BnEvalQuirk { get; init; }
}

/// <summary>
/// UNSIR: stage 1 ("UNSIR Stage 1") learns, per forget batch, a noise batch whose outputs are far from the forget
/// batch's, and trains on it labelled with the paired retain labels plus the retain batch; stage 2 ("UNSIR Stage 2")
/// repairs by fine-tuning on retain, as the reference's UNSIR notebooks do.
/// </summary>
public sealed class Unsir() : UnlearningMethod<UnsirHyperParameters>("unsir", "UNSIR Stage 1", "UNSIR Stage 2")
{
    protected override Optimiser OptimiserFor(UnsirHyperParameters hyper) => Optimiser.Sgd(hyper.Lr);

    protected override void Check(UnsirHyperParameters hyper)
    {
        UnsirNoise.Validate(hyper);
    }

    protected override void Unlearn(UnlearningLoop loop, UnsirHyperParameters hyper)
    {
        // Stage 1, impair: per lockstep pair, noise far from the forget batch's outputs, trained with the retain labels.
        var model = loop.Train(OptimiserFor(hyper), batchNormTraining: !hyper.BnEvalQuirk);
        var retain = loop.Loader(loop.Context.Retain, "impair/retain");
        var forget = loop.Loader(loop.Context.Forget, "impair/forget");
        var noiseStream = loop.Generator("impair/noise");
        foreach (var (epoch, r, f) in loop.Each(LoopShapes.Lockstep(loop, hyper.ImpairEpochs, retain, forget)))
        {
            using var noise = UnsirNoise.Optimise(model, f.Images, hyper, noiseStream);
            loop.Step($"stage 1 epoch {epoch}/{hyper.ImpairEpochs}", () => UnsirNoise.ImpairLoss(model, loop.Task, noise, r));
        }
        loop.Emit();
        // Stage 2, repair: a fresh SGD fine-tunes on retain.
        loop.Train(OptimiserFor(hyper), batchNormTraining: !hyper.BnEvalQuirk);
        loop.Fit(LoopShapes.RetainPasses(loop, hyper.RepairEpochs, "repair/retain"),
            epoch => $"stage 2 epoch {epoch}/{hyper.RepairEpochs} retain");
    }
}
