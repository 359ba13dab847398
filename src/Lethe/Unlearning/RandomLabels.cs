namespace Lethe.Unlearning;

/// <summary>
/// Random Labels hyper-parameters: the "RL" baseline of SalUn's reference code (OPTML-Group/Unlearn-Saliency,
/// Classification/unlearn/RL.py), with the optimiser of its arg_parser.py and the schedule of its README's CIFAR-10
/// command. SalUn extends them.
/// </summary>
public record RandomLabelsHyperParameters
{
    /// <summary>SGD learning rate. Default 0.013 (README: --unlearn_lr 0.013).</summary>
    public double Lr { get; init; } = 0.013;

    /// <summary>Epochs, each a pass over forget then a pass over retain. Default 10 (--unlearn_epochs 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>SGD momentum. Default 0.9 (arg_parser.py --momentum).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay. Default 5e-4 (arg_parser.py --weight_decay).</summary>
    public double WeightDecay { get; init; } = 5e-4;
}

/// <summary>
/// Random Labels ("Random Labels", Golatkar et al. 2020; the RL baseline of SalUn, Fan et al. 2024): per epoch, train on
/// the forget set with uniformly random wrong labels (multi-label: random bits), then on the retain set with its true
/// labels. The reference draws any class, the true one included; drawing only wrong ones is the method as the issue and
/// the papers state it.
/// </summary>
public sealed class RandomLabels : UnlearningMethod<RandomLabelsHyperParameters>
{
    public override string Key => "randlabel";

    public override IReadOnlyList<string> LabelsFor(RandomLabelsHyperParameters hyperParameters) => ["Random Labels"];

    public override RandomLabelsHyperParameters Defaults(UnlearningVariant variant) => new();

    protected override void Unlearn(UnlearningLoop loop, RandomLabelsHyperParameters hyper)
    {
        loop.Train(Optimiser.Sgd(hyper.Lr, hyper.Momentum, hyper.WeightDecay));
        loop.Fit(LoopShapes.RelabelledForgetThenRetain(loop, hyper.Epochs), epoch => $"epoch {epoch}/{hyper.Epochs}");
    }
}
