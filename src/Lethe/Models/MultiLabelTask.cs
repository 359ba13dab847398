using Lethe.Data;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lethe.Models;

/// <summary>Independent sigmoid attributes with BCE-with-logits (MUCAC multi-label: Male, Smiling, Young).</summary>
public sealed class MultiLabelTask(IReadOnlyList<string> attributes) : PredictionTask
{
    public override string Name => $"multilabel-{string.Join("-", Attributes.Select(a => a.ToLowerInvariant()))}";

    public override int Outputs => Attributes.Count;

    public override IReadOnlyList<string> Attributes { get; } = attributes;

    public override Tensor Targets(IReadOnlyList<Sample> samples)
    {
        var values = new float[samples.Count * Outputs];
        for (int i = 0; i < samples.Count; i++)
            for (int j = 0; j < Outputs; j++)
                values[i * Outputs + j] = samples[i].Labels[j];
        return tensor(values, [samples.Count, Outputs]);
    }

    /// <summary>Mean over batch and labels, as PyTorch's BCEWithLogitsLoss.</summary>
    public override Tensor Loss(Tensor logits, Tensor targets) => F.binary_cross_entropy_with_logits(logits, targets);

    /// <summary>The mean over the labels of each sample's per-label BCE, as the reference's multi-label <c>compute_losses()</c>.</summary>
    public override Tensor PerSampleLoss(Tensor logits, Tensor targets) =>
        F.binary_cross_entropy_with_logits(logits, targets, reduction: nn.Reduction.None).mean([1]);

    /// <summary>Each attribute 0 or 1 with probability one half, whatever the truth.</summary>
    public override Tensor RandomTargets(Tensor targets, Generator random)
    {
        using var bits = randint(0, 2, targets.shape, generator: random);
        return bits.to_type(ScalarType.Float32).to(targets.device);
    }

    /// <summary>With p = σ(z): log p − log(1 − p) = z for a 1 bit, and −z for a 0 bit (p_y = σ(−z)); float64.</summary>
    public override Tensor Phi(Tensor logits, Tensor targets) =>
        logits.to_type(ScalarType.Float64) * targets.to_type(ScalarType.Float64).mul(Scalars.Two).sub(Scalars.One);

    /// <summary>A Bernoulli per label, (absent, present): [N, L, 2].</summary>
    public override Tensor LogDistributions(Tensor logits) => stack([F.logsigmoid(-logits), F.logsigmoid(logits)], 2);

    public override Tensor Correct(Tensor logits, Tensor targets) =>
        logits.gt(Scalars.Zero).to_type(ScalarType.Float32).eq(targets).to_type(ScalarType.Float32);

    public override void Validate(Sample sample)
    {
        if (sample.Labels.Length != Outputs || sample.Labels.Any(l => l is not (0 or 1)))
            throw new InvalidDataException(
                $"{sample.Name}: labels [{string.Join(",", sample.Labels)}] are not {Outputs} values in {{0,1}} for {string.Join("/", Attributes)}");
    }

    /// <summary>MUCAC's multi-label task, in the reference's order.</summary>
    public static MultiLabelTask MaleSmilingYoung { get; } = new(["Male", "Smiling", "Young"]);
}
