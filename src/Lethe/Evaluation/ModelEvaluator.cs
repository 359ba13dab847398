using System.Diagnostics;
using Lethe.Audit;
using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Evaluation;

/// <summary>Evaluates a model on the benchmark's sets and runs the attack. Never trains, never changes the model.</summary>
public static class ModelEvaluator
{
    /// <summary>Evaluates on the sets of <paramref name="data"/> chosen by <paramref name="options"/> (see <see cref="EvaluationSets"/>).</summary>
    public static ModelEvaluation Evaluate(nn.Module<Tensor, Tensor> model, BenchmarkData data, IImageTransform transform,
        Device device, EvaluationOptions options, Metrics.MetricReferences? references = null)
    {
        using var sets = EvaluationSets.Of(data, options);
        return Evaluate(model, sets, transform, device, options, references);
    }

    /// <summary>Evaluates on sets chosen once for every model of a run, then measures every registered metric.</summary>
    /// <param name="references">The Original and Retrained a comparing metric measures against (default: none).</param>
    /// <param name="relearning">The relearning test's setup, or why it is not run (default: not set up).</param>
    public static ModelEvaluation Evaluate(nn.Module<Tensor, Tensor> model, EvaluationSets sets, IImageTransform transform,
        Device device, EvaluationOptions options, Metrics.MetricReferences? references = null, Relearning.RelearnRequest? relearning = null)
    {
        var outputs = Outputs(model, sets, transform, device, options);
        if (outputs.Losses.Values.Any(l => !l.All(float.IsFinite)))
        {
            // Non-finite outputs are no results: no metric is measured on them (reports show "–" with the reason).
            var none = Metrics.MetricValue.None("the model's outputs are not finite");
            return outputs with { Metrics = Metrics.MetricRegistry.All.SelectMany(m => m.Rows.Select(r => Metrics.MetricRegistry.Key(m, r))).ToDictionary(k => k, _ => none) };
        }
        var context = new Metrics.MetricContext(model, sets, sets.Task, transform, device, outputs,
            references ?? Metrics.MetricReferences.None("not given"))
        {
            Relearning = relearning ?? Relearning.RelearnRequest.Off("relearning is not set up for this evaluation"),
        };
        var measured = Metrics.MetricRegistry.MeasureAll(context);
        return outputs with { Metrics = measured.Values, Curves = measured.Curves.Count == 0 ? null : measured.Curves };
    }

    /// <summary>The standard pass: accuracies, the attack, NoMUS, losses and φ.</summary>
    private static ModelEvaluation Outputs(nn.Module<Tensor, Tensor> model, EvaluationSets sets, IImageTransform transform,
        Device device, EvaluationOptions options)
    {
        var clock = Stopwatch.StartNew();
        var test = SetScorer.Score(model, sets.Task, sets.Test, transform, device);
        var forget = SetScorer.Score(model, sets.Task, sets.Forget, transform, device);
        var unseen = SetScorer.Score(model, sets.Task, sets.Unseen, transform, device);
        var retain = sets.Retain is { } retainSet ? SetScorer.Score(model, sets.Task, retainSet, transform, device) : null;
        double retainAccuracy = retain?.Accuracy ?? double.NaN;
        // Sets too small for the attack's splits, or a diverged model's NaN or infinite losses, leave the attack nothing
        // to fit: the model is reported with its accuracies and no A, F or NoMUS, and why, rather than aborting the run.
        var balance = AttackBalance.Plan(forget.Losses.Length, unseen.Losses.Length, options.Attack.ReferenceImbalanceTolerance);
        var notComputed = AttackFeasibility.Problem(balance, options.Attack)
            ?? (forget.Losses.All(float.IsFinite) && unseen.Losses.All(float.IsFinite) ? null : "the model's losses are not all finite");
        var attack = notComputed is null
            ? MembershipInference.Run(forget.Losses, unseen.Losses, options.Attack)
            : null;
        return new ModelEvaluation(
            test.Accuracy, test.Top2Accuracy, test.AttributeAccuracy,
            forget.Accuracy, retainAccuracy, unseen.Accuracy,
            attack?.AttackAccuracy ?? double.NaN, attack?.ForgettingScore ?? double.NaN,
            attack is null ? double.NaN : NoMus.Score(test.Accuracy, attack.AttackAccuracy, options.Lambda), options.Lambda,
            attack?.ForgetCount ?? 0, unseen.Count, clock.Elapsed.TotalSeconds)
        {
            Attack = attack is null ? null : AttackStatistics.From(attack, options.Attack),
            AttackNotComputed = notComputed,
            RetainSample = sets.RetainSample,
            Losses = new Dictionary<string, float[]>
            {
                ["forget"] = forget.Losses,
                ["unseen"] = unseen.Losses,
                ["test"] = test.Losses,
            },
            Phi =
            [
                .. PhiRows.Of(PhiSets.Forget, sets.Forget.Samples, forget.Phi),
                .. retain is null ? [] : PhiRows.Of(PhiSets.Retain, sets.Retain!.Samples, retain.Phi, sets.RetainRows),
                .. PhiRows.Of(PhiSets.Test, sets.Test.Samples, test.Phi),
                .. PhiRows.Of(PhiSets.Unseen, sets.Unseen.Samples, unseen.Phi),
            ],
        };
    }
}
