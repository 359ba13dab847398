namespace Lethe.Unlearning;

/// <summary>
/// Random Labels hyper-parameters: the "RL" baseline of SalUn's reference code (OPTML-Group/Unlearn-Saliency,
/// Classification/unlearn/RL.py), with the optimiser of its arg_parser.py and the schedule of its README's CIFAR-10
/// command. SalUn extends them.
/// </summary>
public record RandomLabelsHyperParameters : MomentumSgdHyperParameters
{
    /// <summary>SGD learning rate. Default 0.013 (README: --unlearn_lr 0.013).</summary>
    public override double Lr { get; init; } = 0.013;
}

/// <summary>
/// Random Labels ("Random Labels", Golatkar et al. 2020; the RL baseline of SalUn, Fan et al. 2024): per epoch, train on
/// the forget set with uniformly random wrong labels (multi-label: random bits), then on the retain set with its true
/// labels. The reference draws any class, the true one included; drawing only wrong ones is the method as the issue and
/// the papers state it.
/// </summary>
public sealed class RandomLabels() : UnlearningMethod<RandomLabelsHyperParameters>("randlabel", "Random Labels")
{
    protected override Optimiser OptimiserFor(RandomLabelsHyperParameters hyper) => Optimiser.Sgd(hyper.Lr, hyper.Momentum, hyper.WeightDecay);

    protected override void Unlearn(UnlearningLoop loop, RandomLabelsHyperParameters hyper)
    {
        loop.Train(OptimiserFor(hyper));
        loop.Fit(LoopShapes.RelabelledForgetThenRetain(loop, hyper.Epochs), epoch => $"epoch {epoch}/{hyper.Epochs}");
    }
}
