using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// A linear probe (<see cref="LinearProbe"/>) fitted on the model's penultimate features of the retain sample with the
/// true labels, scored on forget and on unseen: what a classifier reading the frozen features still knows, whatever the
/// output layer says. Many methods only misalign the last layer, and a probe recovers much of what it hides (Kim et al.
/// 2025, arXiv 2503.06991; Gao et al. 2026, arXiv 2604.08271). For a multi-label task each attribute has its own probe
/// and the accuracies are averaged over attributes, as the model's own accuracy is.
/// </summary>
/// <remarks>
/// Rows: probe accuracy on forget and on unseen (in [0, 1]); "probe recovery" = probe forget accuracy − the model's own
/// forget accuracy (how much more the features know than the head says; near 0 when the head reads all the features
/// hold); "probe forget vs Retrained" = the model's probe forget accuracy − the same probe's on Retrained's features, the
/// floor of a model that never saw forget (0 is ideal). The probe trains on at most <see cref="MaxTrainImages"/> retain
/// images. "–" when retain is not scored or has fewer than <see cref="MinTrainImages"/> images.
/// </remarks>
public sealed class LinearProbeMetric : IModelMetric
{
    /// <summary>The most retain images the probe trains on: 1,000 (a seeded draw from the retain sample), enough for a
    /// 32-coordinate probe and half the default sample's forward passes.</summary>
    public const int MaxTrainImages = 1000;

    /// <summary>The fewest retain images a probe is fitted on: 8.</summary>
    public const int MinTrainImages = 8;

    public string Name => "linear-probe";

    public IReadOnlyList<MetricRow> Rows { get; } =
    [
        new("forget", "Probe forget accuracy"),
        new("unseen", "Probe unseen accuracy"),
        new("recovery", "Probe recovery (probe − own forget acc.)"),
        new("forget-vs-retrained", "Probe forget vs Retrained"),
    ];

    public IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context)
    {
        var missing = PenultimateFeatures.Missing(context.Model) ?? context.Sets.Retain switch
        {
            null => "retain is not scored (--retain-eval)",
            { Count: < MinTrainImages } small => $"the retain sample has {small.Count} images; a probe needs {MinTrainImages}",
            _ => null,
        };
        if (missing is not null) return Rows.ToDictionary(r => r.Key, _ => MetricValue.None(missing));
        using var retain = ProbeInputs.Capped(context.Sets.Retain!, MaxTrainImages, "probe/retain");
        var (forget, unseen) = Accuracies(context, context.Model, retain);
        return new Dictionary<string, MetricValue>
        {
            ["forget"] = MetricValue.Of(forget),
            ["unseen"] = MetricValue.Of(unseen),
            ["recovery"] = MetricValue.Of(forget - context.Outputs.ForgetAccuracy),
            ["forget-vs-retrained"] = context.References.Retrained is { Model: { } retrained }
                ? MetricValue.Of(ReferenceEquals(retrained, context.Model) ? 0 : forget - Accuracies(context, retrained, retain).Forget)
                : MetricValue.None(context.References.Retrained.Missing ?? "no Retrained"),
        };
    }

    /// <summary>The probe accuracy of <paramref name="model"/>'s features on forget and unseen, trained on <paramref name="retain"/>.</summary>
    private static (double Forget, double Unseen) Accuracies(MetricContext context, nn.Module<Tensor, Tensor> model, ImageSet retain)
    {
        var train = ProbeInputs.Features(context, model, retain);
        var forget = ProbeInputs.Features(context, model, context.Sets.Forget);
        var unseen = ProbeInputs.Features(context, model, context.Sets.Unseen);
        var basis = FeatureBasis.Fit(train, LinearProbe.DefaultComponents);
        var attributes = retain.Samples[0].Labels.Length;
        double forgetSum = 0, unseenSum = 0;
        for (var a = 0; a < attributes; a++)
        {
            var probe = LinearProbe.Fit(train, Labels(retain, a), basis);
            forgetSum += probe.Accuracy(forget, Labels(context.Sets.Forget, a));
            unseenSum += probe.Accuracy(unseen, Labels(context.Sets.Unseen, a));
        }
        return (forgetSum / attributes, unseenSum / attributes);
    }

    private static int[] Labels(ImageSet set, int attribute) => set.Samples.Select(s => s.Labels[attribute]).ToArray();
}
