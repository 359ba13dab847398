using Lethe.Evaluation.Relearning;
using TorchSharp;
using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// The model and its Original on one straight line in weight space: θ(α) = (1−α)·θ_O + α·θ_U at <see cref="Points"/>
/// points α = 0, 0.05, …, 1, parameters and BatchNorm running statistics alike, each scored on forget and on the retain
/// sample with the evaluation transform. Whether the two sit in one basin (linear mode connectivity) tells how easily
/// an unlearned model is pulled back to its Original (Siddiqui et al. 2025, "From Dormant to Deleted", arXiv 2505.22310).
/// </summary>
/// <remarks>
/// Rows: the retain loss barrier, max over α of L(θ(α)) − [(1−α)·L(θ_O) + α·L(θ_U)] (nats of mean cross-entropy, ≥ 0;
/// the loss barrier of linear mode connectivity, Frankle et al. 2020, "Linear Mode Connectivity and the Lottery Ticket
/// Hypothesis", ICML, and Entezari et al. 2022, ICLR): near 0 when the two are in one basin; and the forget accuracy at
/// α = 0.5. The line is scored in a copy, so neither model is changed, on at most <see cref="MaxImages"/> images of each
/// set (seeded). "–" when the run has no Original or skips relearning (--no-relearn); the barrier "–" when retain is
/// not scored. Curves: forget accuracy and retain loss (when retain is scored) against α; none for the Original itself.
/// </remarks>
public sealed class WeightLine : IModelMetric
{
    /// <summary>Points on the line: 21 (α in steps of 0.05).</summary>
    public const int Points = 21;

    /// <summary>The most images of forget and of retain scored at each point: 256, so the 21 points cost about one
    /// standard pass of MUFAC.</summary>
    public const int MaxImages = 256;

    /// <summary>Its <see cref="Name"/>.</summary>
    public const string MetricName = "weight-line";

    /// <summary>The keys of its curves against α: forget accuracy, mean retain loss.</summary>
    public const string ForgetCurve = "forget-accuracy", RetainLossCurve = "retain-loss";

    public string Name => MetricName;

    public IReadOnlyList<MetricRow> Rows { get; } =
    [
        new("retain-barrier", "Retain loss barrier Original→model"),
        new("forget-mid", "Forget acc. at the weight midpoint"),
    ];

    public IReadOnlyDictionary<string, MetricValue> Measure(MetricContext context) => MeasureWithCurves(context).Values;

    public MetricResult MeasureWithCurves(MetricContext context)
    {
        // The line is the relearning test's weight-space diagnostic (its cost, 21 passes over two sets, is of the same
        // order), so --no-relearn skips it too.
        if (context.Relearning == RelearnRequest.Skipped)
            return new(Rows.ToDictionary(r => r.Key, _ => MetricValue.None(RelearnRequest.Skipped.Absent!)));
        if (context.References.Original is not { Model: { } original })
            return new(Rows.ToDictionary(r => r.Key, _ => MetricValue.None(context.References.Original.Missing ?? "no Original")));
        if (ReferenceEquals(original, context.Model))
        {
            // The Original on its own line is one point: no barrier, and its own forget accuracy, without 21 passes.
            return new(new Dictionary<string, MetricValue>
            {
                ["retain-barrier"] = context.Sets.Retain is null ? MetricValue.None("retain is not scored (--retain-eval)") : MetricValue.Of(0),
                ["forget-mid"] = MetricValue.Of(context.Outputs.ForgetAccuracy),
            });
        }
        using var forget = ProbeInputs.Capped(context.Sets.Forget, MaxImages, "weight-line/forget");
        using var retain = context.Sets.Retain is { } r ? ProbeInputs.Capped(r, MaxImages, "weight-line/retain") : null;
        var curve = Curve(original, context.Model, context.Task, forget, retain, context.Transform, context.Device);
        var values = new Dictionary<string, MetricValue>
        {
            ["retain-barrier"] = retain is null ? MetricValue.None("retain is not scored (--retain-eval)") : MetricValue.Of(Barrier(curve.Select(p => p.RetainLoss).ToArray())),
            ["forget-mid"] = MetricValue.Of(curve[Points / 2].ForgetAccuracy),
        };
        var alpha = new CurveAxis("α: 0 the Original, 1 the model", "");
        var alphas = curve.Select(p => p.Alpha).ToArray();
        var curves = new Dictionary<string, MetricCurve>
        {
            [ForgetCurve] = new("forget accuracy along the line from the Original", alpha, alphas, CurveAxis.ForgetAccuracy, [.. curve.Select(p => p.ForgetAccuracy)]),
        };
        if (retain is not null)
            curves[RetainLossCurve] = new("retain loss along the line from the Original", alpha, alphas, new CurveAxis("mean retain loss", "nats"),
                [.. curve.Select(p => p.RetainLoss)]);
        return new(values) { Curves = curves };
    }

    /// <summary>
    /// The scores along θ(α) = (1−α)·θ_O + α·θ_U at <paramref name="points"/> evenly spaced α from 0 (the Original) to 1
    /// (the model), for plots: floating-point parameters and buffers are interpolated, integer buffers (BatchNorm's
    /// batch count) taken from the model. Neither model is changed.
    /// </summary>
    /// <param name="retain">The retain images to score; null leaves the retain columns NaN.</param>
    /// <exception cref="ArgumentException">The two models differ in state-dict names or shapes, or no architecture Lethe
    /// builds has their shape (the copy is made by <see cref="Networks.Create"/>), or fewer than 2 points.</exception>
    public static IReadOnlyList<LinePoint> Curve(nn.Module<Tensor, Tensor> original, nn.Module<Tensor, Tensor> model, PredictionTask task,
        ImageSet forget, ImageSet? retain, IImageTransform transform, Device device, int points = Points)
    {
        if (points < 2) throw new ArgumentException($"a line needs at least 2 points, got {points}", nameof(points));
        var (from, to) = (original.state_dict(), model.state_dict());
        if (from.Count != to.Count || from.Any(e => !to.TryGetValue(e.Key, out var t) || !t.shape.SequenceEqual(e.Value.shape)))
            throw new ArgumentException("the model and its Original differ in state-dict names or shapes");
        using var copy = BlankLike(model, task.Outputs, device);
        var target = copy.state_dict();
        var curve = new List<LinePoint>(points);
        for (var i = 0; i < points; i++)
        {
            var alpha = i / (double)(points - 1);
            // The weights are explicit Scalars held until the loop ends: an implicit one (o * 0.3) is unreachable once
            // its handle is read, and the GC may free it during the native call that reads it (seen in parallel tests as
            // 'toFloat ... Scalar.h').
            using (var scope = NewDisposeScope())
            using (no_grad())
            using (var keep = (1 - alpha).ToScalar())
            using (var take = alpha.ToScalar())
            {
                foreach (var (name, destination) in target)
                {
                    var (o, u) = (from[name].to(destination.device), to[name].to(destination.device));
                    if (destination.is_floating_point()) destination.copy_(o).mul_(keep).add_(u, take); // in place: no temporaries of the model's size
                    else destination.copy_(u);
                }
            }
            // Channels-last scoring would convert the copy's every weight and back twice per point: at the sizes the tests
            // and small runs use that costs more than the forward passes it speeds up.
            var f = SetScorer.Score(copy, task, forget, transform, device, channelsLast: false);
            var r = retain is null ? null : SetScorer.Score(copy, task, retain, transform, device, channelsLast: false);
            curve.Add(new LinePoint(alpha, f.MeanLoss, f.Accuracy, r?.MeanLoss ?? double.NaN, r?.Accuracy ?? double.NaN));
        }
        return curve;
    }

    /// <summary>The loss barrier of a curve of losses at evenly spaced α from 0 to 1: max over the points of the loss
    /// minus the straight line between the end points' losses; 0 when the loss never rises above that line.</summary>
    public static double Barrier(IReadOnlyList<double> losses)
    {
        var (first, last, n) = (losses[0], losses[^1], losses.Count - 1);
        return losses.Select((l, i) => l - ((1 - i / (double)n) * first + i / (double)n * last)).Max();
    }

    /// <summary>A fresh network of the first architecture whose state dict has the model's names and shapes (TorchSharp
    /// has no deep copy, and the context does not name the architecture).</summary>
    private static nn.Module<Tensor, Tensor> BlankLike(nn.Module<Tensor, Tensor> model, int outputs, Device device)
    {
        var shapes = model.state_dict();
        foreach (var architecture in Networks.Names)
        {
            var blank = Networks.Create(architecture, outputs, device);
            var candidate = blank.state_dict();
            if (candidate.Count == shapes.Count && candidate.All(e => shapes.TryGetValue(e.Key, out var t) && t.shape.SequenceEqual(e.Value.shape)))
                return blank;
            blank.Dispose();
        }
        throw new ArgumentException($"no architecture of {string.Join(", ", Networks.Names)} has the model's state-dict shapes");
    }
}
