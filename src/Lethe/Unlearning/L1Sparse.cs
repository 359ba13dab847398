using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// l1-sparse hyper-parameters: the reference's FT_l1 (OPTML-Group/Unlearn-Sparse, unlearn/FT.py, README "l1-sparse"
/// command: --unlearn_lr 0.01 --unlearn_epochs 10; arg_parser.py: momentum 0.9, weight decay 5e-4). The reference has
/// no default ℓ1 weight (its --alpha default belongs to another method); γ = 1e-4 is the upper end of the range SalUn's
/// paper searched for this baseline (Fan et al. 2024, appendix), as in published run scripts of the reference.
/// </summary>
public sealed record L1SparseHyperParameters : MomentumSgdHyperParameters
{
    /// <summary>SGD learning rate. Default 0.01.</summary>
    public override double Lr { get; init; } = 0.01;

    /// <summary>The ℓ1 weight γ of the first epoch; it falls linearly towards zero over the epochs. Default 1e-4.</summary>
    public double Gamma { get; init; } = 1e-4;
}

/// <summary>
/// l1-sparse ("l1-sparse", Jia et al. 2023, "sparsity-aware unlearning"): fine-tune on the retain set minimising
/// ℓ(θ) + γ_e‖θ‖₁, where γ_e = γ(1 − (e − 1)/E) in epoch e of E: a sparsity prior that is strongest first and fades.
/// </summary>
public sealed class L1Sparse() : UnlearningMethod<L1SparseHyperParameters>("l1sparse", "l1-sparse")
{
    protected override Optimiser OptimiserFor(L1SparseHyperParameters hyper) => Optimiser.Sgd(hyper.Lr, hyper.Momentum, hyper.WeightDecay);

    protected override void Unlearn(UnlearningLoop loop, L1SparseHyperParameters hyper)
    {
        var model = loop.Train(OptimiserFor(hyper));
        loop.Fit(LoopShapes.RetainPasses(loop, hyper.Epochs), epoch => $"epoch {epoch}/{hyper.Epochs} retain",
            penalty: epoch =>
            {
                using var gamma = Gamma(hyper, epoch).ToScalar(); // held through the call that reads it (see Scalars)
                return L1Norm(model).mul(gamma);
            });
    }

    /// <summary>γ_e for the 1-based <paramref name="epoch"/>.</summary>
    internal static double Gamma(L1SparseHyperParameters hyper, int epoch) =>
        hyper.Gamma * (1 - (epoch - 1) / (double)hyper.Epochs);

    private static Tensor L1Norm(nn.Module model) =>
        model.parameters().Select(p => p.abs().sum()).Aggregate((a, b) => a.add(b, Scalars.One));
}
