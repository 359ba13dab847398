using Lethe.Data;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lethe.Models;

/// <summary>Softmax classification with cross-entropy (MUFAC's 8 age groups; the MUCAC binary variants use 2 classes).</summary>
public class MultiClassTask(string name, IReadOnlyList<string> classNames) : PredictionTask
{
    public override string Name => name;

    public override int Outputs => ClassNames.Count;

    public IReadOnlyList<string> ClassNames { get; } = classNames;

    public override IReadOnlyList<string> Attributes { get; } = [name];

    public override Tensor Targets(IReadOnlyList<Sample> samples) =>
        tensor(samples.Select(s => (long)s.Labels[0]).ToArray(), ScalarType.Int64);

    public override Tensor Loss(Tensor logits, Tensor targets) => F.cross_entropy(logits, targets);

    public override Tensor PerSampleLoss(Tensor logits, Tensor targets) =>
        F.cross_entropy(logits, targets, reduction: nn.Reduction.None);

    /// <summary>z_y − log Σ_{j≠y} e^{z_j} in float64: the true class is masked to −∞ and logsumexp shifts by the row's max.</summary>
    public override Tensor Phi(Tensor logits, Tensor targets)
    {
        using var minusInfinity = double.NegativeInfinity.ToScalar(); // held through the call that reads it (see Scalars)
        var z = logits.to_type(ScalarType.Float64);
        var column = targets.unsqueeze(1);
        var others = z.scatter(1, column, full_like(z, minusInfinity));
        return z.gather(1, column) - others.logsumexp(1, keepdim: true);
    }

    public override Tensor Correct(Tensor logits, Tensor targets) =>
        logits.argmax(1).eq(targets).to_type(ScalarType.Float32).unsqueeze(1);

    /// <summary>One softmax over the classes: [N, 1, C].</summary>
    public override Tensor LogDistributions(Tensor logits) => F.log_softmax(logits, 1).unsqueeze(1);

    /// <summary>The true class plus a shift drawn from 1..C-1, modulo C: uniform over the C-1 wrong classes.</summary>
    public override Tensor RandomTargets(Tensor targets, Generator random)
    {
        using var shift = randint(1, Outputs, targets.shape, generator: random);
        using var cpu = targets.cpu();
        using var outputs = Outputs.ToScalar(); // held through the call that reads it (see Scalars)
        return cpu.add(shift, Scalars.One).remainder_(outputs).to(targets.device);
    }

    /// <summary>Null when k covers every class (top-2 of a binary task would be 1 by construction).</summary>
    public override Tensor? TopKCorrect(Tensor logits, Tensor targets, int k)
    {
        if (k >= Outputs) return null;
        var (_, top) = logits.topk(k, dim: 1);
        return top.eq(targets.unsqueeze(1)).any(1).to_type(ScalarType.Float32);
    }

    public override void Validate(Sample sample)
    {
        if (sample.Labels.Length != 1 || sample.Labels[0] < 0 || sample.Labels[0] >= Outputs)
            throw new InvalidDataException(
                $"{sample.Name}: label [{string.Join(",", sample.Labels)}] is not one class in 0..{Outputs - 1} of task {Name}");
    }

    /// <summary>MUFAC's task: 8 age groups a..h (the MUFAC notebooks' <c>label_to_age</c>).</summary>
    public static MultiClassTask AgeGroups { get; } = new("age-8",
        ["0-6", "7-12", "13-19", "20-30", "31-45", "46-55", "56-66", "67-80"]);
}
