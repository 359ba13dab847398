using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// ‖θ_U − θ_O‖₂: the Euclidean distance between the model's parameters and its Original's, over every trainable
/// parameter (BatchNorm running statistics are buffers and left out). Relearning resistance follows this distance
/// (Siddiqui et al. 2025, "From Dormant to Deleted", arXiv 2505.22310, §5): a method that stays close to the Original
/// is the easiest to undo. 0 for the Original itself; "–" when the run has no Original to compare with.
/// </summary>
public sealed class WeightDistance : IModelMetric
{
    public string Name => "weight-distance";

    public IReadOnlyList<MetricRow> Rows { get; } = [new("original", "‖θ − θ_Original‖", "F3")];

    public IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context) => new Dictionary<string, MetricValue>
    {
        ["original"] = context.References.Original is { Model: { } original }
            ? MetricValue.Of(Distance(context.Model, original))
            : MetricValue.None(context.References.Original.Missing ?? "no Original"),
    };

    /// <summary>‖a − b‖₂ over the trainable parameters, in float64.</summary>
    /// <exception cref="ArgumentException">The two models' parameters differ in names or shapes.</exception>
    public static double Distance(nn.Module<Tensor, Tensor> a, nn.Module<Tensor, Tensor> b)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var other = b.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var sum = 0.0;
        foreach (var (name, p) in a.named_parameters())
        {
            if (!other.TryGetValue(name, out var q) || !q.shape.SequenceEqual(p.shape))
                throw new ArgumentException($"the models' parameter {name} differs in name or shape");
            // pow(Two) is square() with its Scalar held (see Scalars).
            sum += (p.to_type(ScalarType.Float64) - q.to(p.device).to_type(ScalarType.Float64)).pow(Scalars.Two).sum().item<double>();
        }
        return Math.Sqrt(sum);
    }
}
