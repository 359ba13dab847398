namespace Lethe.Unlearning;

/// <summary>
/// The optimiser and schedule that OPTML-Group's reference code gives Random Labels, SalUn and l1-sparse
/// (Unlearn-Saliency and Unlearn-Sparse, arg_parser.py: SGD with momentum 0.9 and weight decay 5e-4; their README
/// commands: --unlearn_epochs 10). Each method sets its own learning rate, from its README command's --unlearn_lr.
/// </summary>
public abstract record MomentumSgdHyperParameters
{
    /// <summary>SGD learning rate.</summary>
    public abstract double Lr { get; init; }

    /// <summary>Epochs of the method's loop. Default 10 (--unlearn_epochs 10).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>SGD momentum. Default 0.9 (arg_parser.py --momentum).</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay. Default 5e-4 (arg_parser.py --weight_decay).</summary>
    public double WeightDecay { get; init; } = 5e-4;
}
