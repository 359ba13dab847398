using Lethe.Models;
using Lethe.Reports;
using TorchSharp;
using static TorchSharp.torch;
using Lethe.Numerics;

namespace Lethe.Unlearning;

/// <summary>SSD hyper-parameters: the reference's for ResNet-18 (if-loops/selective-synaptic-dampening,
/// src/forget_random_main.py: selection_weighting 10, dampening_constant 1; src/ssd.py: exponent 1, lower bound 1).</summary>
public sealed record SsdHyperParameters
{
    /// <summary>Selection weighting α: a weight is dampened when its forget importance exceeds α × its global importance. Default 10.</summary>
    public double Alpha { get; init; } = 10;

    /// <summary>Dampening constant λ: a selected weight is multiplied by min(λ × global / forget, 1). Default 1.</summary>
    public double Lambda { get; init; } = 1;
}

/// <summary>
/// Selective Synaptic Dampening ("SSD", Foster et al. 2024): no training. The diagonal of the Fisher information (the
/// mean over batches of squared loss gradients) is estimated over the whole training set (global importance, cached per
/// Original: a second forget request costs one pass over its forget set) and over the forget set; every weight whose
/// forget importance exceeds α times its global importance is multiplied by min(λ · global / forget, 1). As in the
/// reference, both passes see unaugmented images in order with BatchNorm in evaluation mode, so nothing is drawn at
/// random: the result is the same for every seed.
/// </summary>
public sealed class Ssd() : UnlearningMethod<SsdHyperParameters>("ssd", "SSD")
{
    public override bool DependsOnSeed => false;

    protected override void Unlearn(UnlearningLoop loop, SsdHyperParameters hyper)
    {
        var global = SsdImportances.Global(loop);
        using var forget = SsdImportances.Of(loop, [loop.Context.Forget]);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var alpha = hyper.Alpha.ToScalar(); // held through the calls that read them (see Scalars)
        using var lambda = hyper.Lambda.ToScalar();
        long dampened = 0, weights = 0;
        foreach (var (name, weight) in loop.Model.named_parameters())
        {
            var selected = forget[name].gt(global[name].mul(alpha));
            var factor = (global[name].mul(lambda) / forget[name]).clamp_max(Scalars.One);
            weight.copy_(where(selected, weight * factor, weight));
            dampened += selected.sum().item<long>();
            weights += weight.numel();
        }
        // With a forget set that is over 1/α of the training set almost no weight can be selected: the global
        // importance is a mean over batches that include the forget set's own, so it is about that share of the forget
        // importance or more. Not exactly: the forget set's last, smaller batch is not among the training set's
        // batches, and a small batch's mean gradient is large (on real MUFAC a few weights passed). So the count is
        // kept, and a report says when SSD did nothing rather than show the Original's numbers as SSD's effect.
        if (dampened == 0)
            loop.Unchanged($"no weight's forget importance exceeded α = {hyper.Alpha:G} times its global importance");
        else
            loop.Describe(FormattableString.Invariant(
                $"dampened {dampened:N0} of {weights:N0} weights ({NumberText.Percent((double)dampened / weights, 4)}) by α = {hyper.Alpha:G}, λ = {hyper.Lambda:G}"));
    }
}
