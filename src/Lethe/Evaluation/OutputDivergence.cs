using Lethe.Data;
using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Evaluation;

/// <summary>
/// How far a model's predictions are from a reference model's (the Retrained, unlearning's gold standard) on one set:
/// per example, the Kullback–Leibler divergence KL(reference ‖ model) = Σ_c p_c·ln(p_c / q_c) and the Jensen–Shannon
/// divergence JS = ½·KL(p ‖ m) + ½·KL(q ‖ m) with m = (p + q)/2, between the two predicted class distributions p
/// (reference) and q (model), then averaged over the examples. Natural logarithms, so 0 ≤ JS ≤ ln 2 ≈ 0.693.
/// Per-example JS between an unlearned model's and a reference model's softmax outputs, averaged over the forget set, is
/// the divergence behind the ZRF score of Chundawat et al., "Can Bad Teaching Induce Forgetting?" (AAAI 2023; reference
/// code vikram2000b/bad-teaching-unlearning, <c>JSDiv</c>), whose <c>F.kl_div</c> also averages over the classes,
/// dividing by C; here each example's divergence is the sum over its classes, as in the definition. Multi-label tasks
/// compare a Bernoulli per label and average over the labels (see <see cref="PredictionTask.LogDistributions"/>).
/// </summary>
/// <param name="Count">Examples compared.</param>
/// <param name="MeanKl">Mean KL(reference ‖ model), nats; 0 when the two predict alike.</param>
/// <param name="MeanJs">Mean Jensen–Shannon divergence, nats, in [0, ln 2].</param>
public sealed record OutputDivergence(int Count, double MeanKl, double MeanJs)
{
    /// <summary>
    /// Per-example KL(p ‖ q) and JS(p, q), float64 [N], from log-probabilities [N, A, K] (summed over the K outcomes,
    /// averaged over the A attributes). Computed from logarithms so that near-zero probabilities stay exact.
    /// </summary>
    /// <param name="logP">The reference's log-probabilities.</param>
    /// <param name="logQ">The model's, of the same shape.</param>
    /// <exception cref="ArgumentException">The shapes differ or are not [N, A, K].</exception>
    public static (Tensor Kl, Tensor Js) PerExample(Tensor logP, Tensor logQ)
    {
        if (logP.dim() != 3 || !logP.shape.SequenceEqual(logQ.shape))
            throw new ArgumentException($"log-probabilities must both be [N, A, K], got [{string.Join(",", logP.shape)}] and [{string.Join(",", logQ.shape)}]");
        using var scope = NewDisposeScope();
        using var ln2 = Math.Log(2).ToScalar(); // held through the calls that read them (see Scalars)
        using var half = 0.5.ToScalar();
        var (lp, lq) = (logP.to(ScalarType.Float64), logQ.to(ScalarType.Float64));
        var (p, q) = (lp.exp(), lq.exp());
        var lm = logaddexp(lp, lq).sub(ln2);
        var kl = (p * (lp - lq)).sum(2).mean([1]);
        var js = (p * (lp - lm)).sum(2).add((q * (lq - lm)).sum(2), Scalars.One).mul(half).mean([1]);
        return (kl.MoveToOuterDisposeScope(), js.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The mean divergences of <paramref name="model"/> from <paramref name="reference"/> on <paramref name="set"/>, both
    /// scored in evaluation mode on the same batches (see <see cref="SetScorer"/>); neither model is changed.
    /// </summary>
    public static OutputDivergence Measure(nn.Module<Tensor, Tensor> reference, nn.Module<Tensor, Tensor> model, PredictionTask task,
        ImageSet set, IImageTransform transform, Device device, int batchSize = 64)
    {
        reference.eval();
        model.eval();
        using var referenceLayout = ChannelsLast.Convert(reference);
        using var modelLayout = ChannelsLast.Convert(model);
        var loader = new BatchLoader(set, task, transform, BatchOptions.Evaluation with { BatchSize = batchSize }, device, 0, "eval");
        double klSum = 0, jsSum = 0;
        using var noGrad = no_grad();
        foreach (var batch in loader.Epoch())
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var images = ChannelsLast.Order(batch.Images);
                var (kl, js) = PerExample(task.LogDistributions(reference.call(images)), task.LogDistributions(model.call(images)));
                klSum += kl.sum().cpu().item<double>();
                jsSum += js.sum().cpu().item<double>();
            }
        }
        int n = set.Count;
        return new OutputDivergence(n, n > 0 ? klSum / n : double.NaN, n > 0 ? jsSum / n : double.NaN);
    }
}
