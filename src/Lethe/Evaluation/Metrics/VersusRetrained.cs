using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// The shape of a metric that compares the model with Retrained on forget and on retain (rows "forget" and "retain"):
/// both "–" with the reason when the run has no Retrained, retain "–" when retain is not scored.
/// </summary>
public static class VersusRetrained
{
    /// <param name="measure">The value for (Retrained, set).</param>
    public static IReadOnlyDictionary<string, MetricValue> OnForgetAndRetain(MetricContext context,
        Func<nn.Module<Tensor, Tensor>, ImageSet, double> measure)
    {
        if (context.References.Retrained is not { Model: { } retrained })
        {
            var none = MetricValue.None(context.References.Retrained.Missing ?? "no Retrained");
            return new Dictionary<string, MetricValue> { ["forget"] = none, ["retain"] = none };
        }
        MetricValue On(ImageSet? set) => set is null
            ? MetricValue.None("retain is not scored (--retain-eval)")
            : MetricValue.Of(measure(retrained, set));
        return new Dictionary<string, MetricValue> { ["forget"] = On(context.Sets.Forget), ["retain"] = On(context.Sets.Retain) };
    }
}
