using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// Penultimate features computed once per (model, set) within one model's evaluation: CKA, the linear probe and the
/// identity probe all read the forget set's features of the model and of Retrained, which would otherwise be three
/// forward passes each. Keyed by reference (the same model object and the same set object); the matrices are shared,
/// so readers must not write into them.
/// </summary>
public sealed class FeatureMemo
{
    private readonly List<(nn.Module<Tensor, Tensor> Model, ImageSet Set, double[,] Features)> _computed = [];

    /// <summary>The N × D features of <paramref name="model"/> on <paramref name="set"/> (see <see cref="PenultimateFeatures"/>).</summary>
    public double[,] Of(MetricContext context, nn.Module<Tensor, Tensor> model, ImageSet set)
    {
        foreach (var (m, s, features) in _computed)
            if (ReferenceEquals(m, model) && ReferenceEquals(s, set)) return features;
        var computed = PenultimateFeatures.Of(model, context.Task, set, context.Transform, context.Device);
        _computed.Add((model, set, computed));
        return computed;
    }
}
