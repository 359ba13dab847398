using Lethe.Data;
using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation.Metrics;

/// <summary>A metric's context on tiny 16 px sets (<see cref="TinyData"/>), 8 images each unless given.</summary>
public static class MetricFixture
{
    public static MetricContext Context(nn.Module<Tensor, Tensor>? model = null, ImageSet? forget = null, ImageSet? retain = null,
        MetricReferences? references = null, double forgetAccuracy = 0.5)
    {
        model ??= Networks.Create("resnet18", 8, CPU, 1);
        var data = new BenchmarkData
        {
            Name = "tiny", Task = MultiClassTask.AgeGroups, Fingerprint = "tiny",
            Train = TinyData.Classes(8, seed: 1), Forget = forget ?? TinyData.Classes(8, seed: 2), Retain = retain ?? TinyData.Classes(8, seed: 3),
            Test = TinyData.Classes(8, seed: 4), Unseen = TinyData.Classes(8, seed: 5),
        };
        var sets = EvaluationSets.Of(data, new EvaluationOptions());
        var outputs = new ModelEvaluation(0.5, null, [0.5], forgetAccuracy, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 8, 8, 0);
        return new MetricContext(model, sets, data.Task, new Lethe.Data.Transforms.EvalTransform(16), CPU, outputs,
            references ?? MetricReferences.None("judged alone"));
    }
}
