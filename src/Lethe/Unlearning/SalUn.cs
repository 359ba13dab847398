using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// SalUn hyper-parameters: Random Labels' (the reference runs SalUn as its RL loop with a mask: OPTML-Group/Unlearn-Saliency,
/// README "SalUn" command) plus the share of weights the saliency mask lets train.
/// </summary>
public sealed record SalUnHyperParameters : RandomLabelsHyperParameters
{
    /// <summary>The share of weights that train: those with the largest forget-loss gradient magnitude. Default 0.5
    /// (README: --mask_path mask/with_0.5.pt).</summary>
    public double Share { get; init; } = 0.5;
}

/// <summary>
/// SalUn ("SalUn", Fan et al. 2024): (1) weight saliency |Σ_batches ∇θ(−ℓ(forget batch))| with BatchNorm in evaluation
/// mode, and a mask of the <see cref="SalUnHyperParameters.Share"/> most salient weights over the whole network
/// (generate_mask.py); (2) Random Labels updating only masked weights. Weight decay joins each gradient before the
/// mask, so a masked-out weight gets no update, no decay and no momentum: it stays exactly at its original value (the
/// reference leaked decay and momentum into masked-out weights until its fix of February 2026).
/// </summary>
public sealed class SalUn() : UnlearningMethod<SalUnHyperParameters>("salun", "SalUn")
{
    protected override Optimiser OptimiserFor(SalUnHyperParameters hyper) => Optimiser.Sgd(hyper.Lr, hyper.Momentum);

    protected override void Check(SalUnHyperParameters hyper)
    {
        RequireShare(hyper.Share);
    }

    protected override void Unlearn(UnlearningLoop loop, SalUnHyperParameters hyper)
    {
        using var frozen = FrozenMask(loop, hyper.Share);
        using var weightDecay = hyper.WeightDecay.ToScalar(); // held while the hook runs (see Scalars)
        loop.Train(OptimiserFor(hyper), gradientHook: (name, p) =>
            p.grad!.add_(p, alpha: weightDecay).masked_fill_(frozen[name], Scalars.Zero));
        loop.Fit(LoopShapes.RelabelledForgetThenRetain(loop, hyper.Epochs), epoch => $"epoch {epoch}/{hyper.Epochs}");
    }

    /// <summary>Throws for a share of weights outside (0, 1], naming salun.share.</summary>
    internal static void RequireShare(double share)
    {
        if (share is <= 0 or > 1) throw new ArgumentException($"salun.share must be in (0, 1], got {share}");
    }

    /// <summary>True for every weight outside the <paramref name="share"/> with the largest saliency.</summary>
    internal static ParameterTensors FrozenMask(UnlearningLoop loop, double share)
    {
        RequireShare(share);
        var model = loop.Model;
        using var saliency = loop.GradientPass(loop.Loader(loop.Context.Forget, "saliency").Epoch(),
            batch => -loop.Task.Loss(model.call(batch.Images), batch.Targets), grad => grad);
        using var scope = NewDisposeScope();
        using var unfrozen = false.ToScalar(); // held through the call that reads it (see Scalars)
        var magnitudes = cat(saliency.Names.Select(name => saliency[name].abs().flatten()).ToArray());
        var salient = magnitudes.argsort(descending: true).narrow(0, 0, (long)(magnitudes.numel() * share));
        var frozen = ones(magnitudes.shape, ScalarType.Bool).index_fill_(0, salient, unfrozen);
        var parts = frozen.split(saliency.Names.Select(name => saliency[name].numel()).ToArray());
        return new ParameterTensors(saliency.Names.Zip(parts, (name, part) =>
                (name, part.view(saliency[name].shape).MoveToOuterDisposeScope()))
            .ToDictionary(e => e.name, e => e.Item2));
    }
}
