using System.Diagnostics;
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
        double retainAccuracy = options.ScoreRetain
            ? SetScorer.Score(model, data.Task, data.Retain, transform, device).Accuracy
            : double.NaN;
        var attack = MembershipInference.Run(
            forget.Losses.Select(l => (double)l).ToArray(),
            unseen.Losses.Select(l => (double)l).ToArray(),
            options.Attack);
        return new ModelEvaluation(
            test.Accuracy, test.Top2Accuracy, test.AttributeAccuracy,
            forget.Accuracy, retainAccuracy, unseen.Accuracy,
            attack.AttackAccuracy, attack.ForgettingScore,
            NoMus.Score(test.Accuracy, attack.AttackAccuracy, options.Lambda), options.Lambda,
            attack.ForgetCount, attack.UnseenCount, clock.Elapsed.TotalSeconds)
        {
            Losses = new Dictionary<string, float[]>
            {
                ["forget"] = forget.Losses,
                ["unseen"] = unseen.Losses,
                ["test"] = test.Losses,
            },
        };
    }
}
