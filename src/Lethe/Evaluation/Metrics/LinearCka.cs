using Lethe.Models;
using TorchSharp;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// Linear centred kernel alignment between the model's penultimate features and the Retrained model's, on forget and
/// on retain: CKA(X, Y) = ‖YᵀX‖²_F / (‖XᵀX‖_F · ‖YᵀY‖_F) with X and Y column-centred (Kornblith et al. 2019, "Similarity
/// of Neural Network Representations Revisited", eq. 4). 1 when the two represent the set alike up to rotation and
/// scale; a model that forgot in its features as Retrained never learned sits as close to Retrained on forget as on
/// retain (Kim et al. 2025, arXiv 2503.06991). "–" when the run has no Retrained to compare with.
/// </summary>
public sealed class LinearCka : IModelMetric
{
    public string Name => "linear-cka";

    public IReadOnlyList<MetricRow> Rows { get; } =
    [
        new("forget", "Forget CKA vs Retrained"),
        new("retain", "Retain CKA vs Retrained"),
    ];

    public IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context) =>
        VersusRetrained.OnForgetAndRetain(context, (retrained, set) =>
            Of(ProbeInputs.Features(context, context.Model, set), ProbeInputs.Features(context, retrained, set)));

    /// <summary>Linear CKA of two feature matrices over the same N examples (N × p and N × q), in [0, 1]; NaN when
    /// either is constant over the examples (no variance to align). Computed in float64 with LibTorch's matrix product.</summary>
    /// <exception cref="ArgumentException">The matrices cover different numbers of examples.</exception>
    public static double Of(double[,] x, double[,] y)
    {
        if (x.GetLength(0) != y.GetLength(0)) throw new ArgumentException($"CKA needs the same examples: {x.GetLength(0)} and {y.GetLength(0)} rows");
        using var scope = torch.NewDisposeScope();
        var (cx, cy) = (Centred(x), Centred(y));
        // pow(Two), not square(): square() is pow(2) with a Scalar the GC may free mid-call (see Scalars).
        double Gram(torch.Tensor a, torch.Tensor b) => a.t().matmul(b).pow(Scalars.Two).sum().item<double>();
        var denominator = Math.Sqrt(Gram(cx, cx)) * Math.Sqrt(Gram(cy, cy));
        return denominator == 0 ? double.NaN : Gram(cy, cx) / denominator;
    }

    private static torch.Tensor Centred(double[,] m)
    {
        var t = torch.tensor(m, dtype: torch.ScalarType.Float64);
        return t - t.mean([0L], keepdim: true);
    }
}
