using Lethe.Models;

namespace Lethe.Unlearning;

/// <summary>
/// Head-only control hyper-parameters. SGD at 0.01 with momentum 0.9 is the Original's own recipe at its start (MUFAC's
/// Base_Models notebook; TrainRecipe.Mufac), the rate that trained the head being replaced, on features of the same
/// scale. Only a linear layer on frozen features learns, a convex problem: it needs no schedule, and a few passes over
/// retain fit it (5, not the Original's 30, since the features are already trained).
/// </summary>
public sealed record HeadOnlyControlHyperParameters
{
    /// <summary>SGD learning rate. Default 0.01.</summary>
    public double Lr { get; init; } = 0.01;

    /// <summary>SGD momentum. Default 0.9.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>Passes over the retain set. Default 5.</summary>
    public int Epochs { get; init; } = 5;
}

/// <summary>
/// The positive control ("Head only (control +)"): a copy of the Original whose output layer (fc) is drawn afresh on
/// the method's stream and trained on the retain set alone, every other weight frozen and BatchNorm in evaluation mode,
/// so its penultimate features are the Original's, bit for bit. Its outputs forget (forget accuracy falls towards
/// Retrained's); its features do not, so the tests that read features or relearn (the probes, CKA, relearning) must
/// find it: a test that calls it forgotten cannot tell hidden from removed.
/// </summary>
public sealed class HeadOnlyControl() : UnlearningMethod<HeadOnlyControlHyperParameters>("head-only", "Head only (control +)")
{
    protected override Optimiser OptimiserFor(HeadOnlyControlHyperParameters hyper) => Optimiser.Sgd(hyper.Lr, hyper.Momentum);

    protected override void Unlearn(UnlearningLoop loop, HeadOnlyControlHyperParameters hyper)
    {
        Networks.ResetHead(loop.Model, loop.Generator("head"));
        loop.Train(OptimiserFor(hyper), batchNormTraining: false, trains: name => name.StartsWith("fc.", StringComparison.Ordinal));
        loop.Fit(LoopShapes.RetainPasses(loop, hyper.Epochs), epoch => $"epoch {epoch}/{hyper.Epochs} retain, head only");
    }
}
