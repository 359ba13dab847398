using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Models;

/// <summary>
/// What the network predicts: its head size, its loss, its per-sample loss (what the membership attack sees) and its
/// prediction rule. Methods and metrics call the task and never branch on the dataset.
/// </summary>
public abstract class PredictionTask
{
    /// <summary>A stable name, used in cache keys and reports ("multiclass-8", "binary-male", "multilabel-3").</summary>
    public abstract string Name { get; }

    /// <summary>The width of the final linear layer.</summary>
    public abstract int Outputs { get; }

    /// <summary>Names of the attributes that are scored separately (one for single-label tasks).</summary>
    public abstract IReadOnlyList<string> Attributes { get; }

    /// <summary>The target tensor of these samples, on the CPU: int64 [N] or float32 [N, L].</summary>
    public abstract Tensor Targets(IReadOnlyList<Sample> samples);

    /// <summary>The mean training loss of a batch (a scalar).</summary>
    public abstract Tensor Loss(Tensor logits, Tensor targets);

    /// <summary>One loss per sample, float32 [N].</summary>
    public abstract Tensor PerSampleLoss(Tensor logits, Tensor targets);

    /// <summary>
    /// φ = log p_y − log(1 − p_y) of each sample and attribute, float64 [N, Attributes.Count], from the logits without
    /// forming a probability (so it stays exact where p_y rounds to 0 or 1); the tensor form of Evaluation.Phi. NaN where a
    /// logit is not finite (a diverged model).
    /// </summary>
    public abstract Tensor Phi(Tensor logits, Tensor targets);

    /// <summary>1 where the prediction is right, else 0: float32 [N, Attributes.Count].</summary>
    public abstract Tensor Correct(Tensor logits, Tensor targets);

    /// <summary>
    /// Random training targets in place of <paramref name="targets"/> (Random Labels, SalUn): for each sample a class drawn
    /// uniformly from the wrong ones (binary: the other class), or for multi-label uniformly random bits. Drawn on the CPU
    /// from <paramref name="random"/>, returned on the targets' device.
    /// </summary>
    public abstract Tensor RandomTargets(Tensor targets, Generator random);

    /// <summary>
    /// The log-probabilities of the predicted distributions, float32 [N, Attributes.Count, K]: one K-way distribution per
    /// attribute (a softmax over the classes, or a Bernoulli per label), so that output divergences compare like with like.
    /// </summary>
    public abstract Tensor LogDistributions(Tensor logits);

    /// <summary>1 where the target is among the k largest logits, float32 [N]; null when the task has no ranking.</summary>
    public virtual Tensor? TopKCorrect(Tensor logits, Tensor targets, int k) => null;

    /// <summary>Throws with the sample's name when a label is outside the task's label set.</summary>
    public abstract void Validate(Sample sample);

    public override string ToString() => Name;
}
