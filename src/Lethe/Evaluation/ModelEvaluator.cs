using System.Diagnostics;
using Lethe.Audit;
using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Evaluation;

/// <summary>Options of the evaluation: NoMUS's λ and the attack's settings.</summary>
public sealed record EvaluationOptions(double Lambda = 0.5, bool ScoreRetain = true)
{
    public MembershipInferenceOptions Attack { get; init; } = new();

    public static EvaluationOptions Default { get; } = new();
}

/// <summary>Evaluates a model on the benchmark's sets and runs the attack. Never trains, never changes the model.</summary>
public static class ModelEvaluator
{
    public static ModelEvaluation Evaluate(nn.Module<Tensor, Tensor> model, BenchmarkData data, IImageTransform transform,
        Device device, EvaluationOptions options)
    {
        var clock = Stopwatch.StartNew();
        var test = SetScorer.Score(model, data.Task, data.Test, transform, device);
        var forget = SetScorer.Score(model, data.Task, data.Forget, transform, device);
        var unseen = SetScorer.Score(model, data.Task, data.Unseen, transform, device);
        var retain = options.ScoreRetain ? SetScorer.Score(model, data.Task, data.Retain, transform, device) : null;
        double retainAccuracy = retain?.Accuracy ?? double.NaN;
        // A diverged model can give NaN or infinite losses; the attack has nothing to fit then, and the model is
        // reported with its accuracies and no A, F or NoMUS rather than aborting the whole run.
        bool attackable = forget.Losses.All(float.IsFinite) && unseen.Losses.All(float.IsFinite);
        var attack = attackable
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
            Losses = new Dictionary<string, float[]>
            {
                ["forget"] = forget.Losses,
                ["unseen"] = unseen.Losses,
                ["test"] = test.Losses,
            },
            Phi =
            [
                .. PhiRows.Of(PhiSets.Forget, data.Forget.Samples, forget.Phi),
                .. retain is null ? [] : PhiRows.Of(PhiSets.Retain, data.Retain.Samples, retain.Phi),
                .. PhiRows.Of(PhiSets.Test, data.Test.Samples, test.Phi),
                .. PhiRows.Of(PhiSets.Unseen, data.Unseen.Samples, unseen.Phi),
            ],
        };
    }
}
