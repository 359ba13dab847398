using Lethe.Evaluation.Relearning;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// The relearning test (Siddiqui et al. 2025, "From Dormant to Deleted", arXiv 2505.22310, §4): fine-tune a copy of the
/// model, the Original (O) and Retrained (R) on retain alone (<see cref="Relearner"/>) and compare forget accuracy after
/// T steps. A method that only hid the forget set comes back towards O; a retrained model stays where it was. Rows: the
/// model's relearned forget accuracy U_T; recovery (U_T − R_T)/(O_T − R_T); the area between U's and R's curves (mean
/// of U − R over the scoring points); the steps U needs to reach O_T. O's and R's curves come from
/// <see cref="ReferenceCurves"/>, once per base model. Rows are "–" with the reason when relearning is skipped
/// (--no-relearn) or a reference is absent. Its curves are U's, O's and R's (those it has), so every model's row carries
/// the references it was judged against.
/// </summary>
public sealed class RelearningMetric : IModelMetric
{
    /// <summary>Its <see cref="Name"/>.</summary>
    public const string MetricName = "relearn";

    /// <summary>The keys of its curves of forget accuracy against relearning steps: the model's (U), the Original's (O),
    /// Retrained's (R).</summary>
    public const string ModelCurve = "model", OriginalCurve = "original", RetrainedCurve = "retrained";

    public string Name => MetricName;

    public IReadOnlyList<MetricRow> Rows { get; } =
    [
        new("forget", "Relearned forget acc"),
        new("recovery", "Relearn recovery (U−R)/(O−R)", "F3"),
        new("area", "Relearn area U−R (mean)"),
        new("steps-to-original", "Relearn steps to Original's level", "F0"),
    ];

    public IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context) => MeasureWithCurves(context).Values;

    public MetricResult MeasureWithCurves(MetricContext context)
    {
        if (context.Relearning.Setup is not { } setup) return new(All(MetricValue.None(context.Relearning.Absent ?? "relearning is not set up")));
        var (original, retrained) = (context.References.Original, context.References.Retrained);
        var o = original.Model is null ? null : CurveOf(original, "Original");
        var r = retrained.Model is null ? null : CurveOf(retrained, "Retrained");
        // A base model is its own reference: its curve is the one just made (and cached for the methods), not a second.
        var u = ReferenceEquals(context.Model, original.Model) ? o!
            : ReferenceEquals(context.Model, retrained.Model) ? r!
            : Relearner.Run(context.Model, context.Sets.Forget, context.Task, context.Transform, context.Device, setup, "the model");
        var made = new[] { (Key: ModelCurve, Curve: u, Whose: "the model"), (Key: OriginalCurve, Curve: o, Whose: "the Original"),
            (Key: RetrainedCurve, Curve: r, Whose: "Retrained") };
        var curves = made.Where(c => c.Curve is not null).ToDictionary(c => c.Key, c => AsMetricCurve(c.Curve!, c.Whose));
        if (made.FirstOrDefault(c => c.Curve?.Divergence is not null) is { Curve: { } stopped } diverged)
            return new(All(MetricValue.None($"relearning {diverged.Whose} diverged: {stopped.Divergence}"))) { Curves = curves };
        var noOriginal = MetricValue.None(original.Missing ?? "no Original");
        var noRetrained = MetricValue.None(retrained.Missing ?? "no Retrained");
        var values = new Dictionary<string, MetricValue>
        {
            ["forget"] = MetricValue.Of(u.Final),
            ["recovery"] = o is null ? noOriginal : r is null ? noRetrained : FromScore(RelearnScores.Recovery(u.Final, o.Final, r.Final)),
            ["area"] = r is null ? noRetrained : MetricValue.Of(RelearnScores.Area(u, r)),
            ["steps-to-original"] = o is null ? noOriginal
                : RelearnScores.StepsToReach(u, o.Final) is { } steps ? MetricValue.Of(steps)
                : MetricValue.None($"not reached in {setup.Options.Steps} steps"),
        };
        return new(values) { Curves = curves };

        RelearnCurve CurveOf(Reference reference, string label)
        {
            var model = reference.Model!;
            RelearnCurve Compute() => Relearner.Run(model, context.Sets.Forget, context.Task, context.Transform, context.Device, setup, label);
            if (reference.Key is null) return Compute();
            var curve = ReferenceCurves.GetOrCompute(ReferenceCurves.Key(reference.Key, setup), setup.CacheDirectory, Compute, out var cached);
            if (cached) setup.Progress?.Report($"relearning curve of {label} from the cache ({curve.Steps[^1]} steps, made in {curve.Seconds:F1} s)");
            return curve;
        }
    }

    /// <summary>A relearning curve as stored: forget accuracy against the steps of fine-tuning on retain.</summary>
    private static MetricCurve AsMetricCurve(RelearnCurve curve, string whose) =>
        new($"forget accuracy of {whose} while relearning", new CurveAxis("fine-tuning on retain", "steps"),
            [.. curve.Steps.Select(s => (double)s)], CurveAxis.ForgetAccuracy, curve.ForgetAccuracy);

    private IReadOnlyDictionary<string, MetricValue> All(MetricValue value) => Rows.ToDictionary(r => r.Key, _ => value);

    private static MetricValue FromScore((double? Value, string? Missing) score) =>
        score.Value is { } value ? MetricValue.Of(value) : MetricValue.None(score.Missing!);
}
