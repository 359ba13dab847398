using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Evaluation;

/// <summary>
/// Scores a model on one set: eval transform, fixed order, BN running statistics, no gradients, as the reference's
/// <c>evaluation()</c>. The one forward pass gives the accuracies, the losses and φ. Model and images are stored
/// channels-last while they are scored (see <see cref="ChannelsLast"/>; about a third faster on a CPU, the same numbers
/// within float rounding) and the model is given back exactly as it came.
/// </summary>
public static class SetScorer
{
    /// <param name="channelsLast">Score in channels-last order (default); false scores the model and images as they are
    /// stored, for comparisons and for a device that lacks channels-last kernels.</param>
    public static SetScores Score(nn.Module<Tensor, Tensor> model, PredictionTask task, ImageSet set, IImageTransform transform,
        Device device, int batchSize = 64, bool channelsLast = true)
    {
        model.eval();
        using var layout = channelsLast ? ChannelsLast.Convert(model) : null;
        var loader = new BatchLoader(set, task, transform, BatchOptions.Evaluation with { BatchSize = batchSize }, device, 0, "eval");
        var losses = new List<float>(set.Count);
        var phi = new List<double>(set.Count * task.Attributes.Count);
        var attributeCorrect = new double[task.Attributes.Count];
        double top2Correct = 0;
        bool ranked = false;
        using var noGrad = no_grad();
        foreach (var batch in loader.Epoch())
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var logits = model.call(channelsLast ? ChannelsLast.Order(batch.Images) : batch.Images);
                losses.AddRange(task.PerSampleLoss(logits, batch.Targets).cpu().data<float>());
                phi.AddRange(task.Phi(logits, batch.Targets).cpu().data<double>());
                var perAttribute = task.Correct(logits, batch.Targets).sum(dim: 0).cpu().data<float>().ToArray();
                for (int j = 0; j < perAttribute.Length; j++) attributeCorrect[j] += perAttribute[j];
                if (task.TopKCorrect(logits, batch.Targets, 2) is { } top2)
                {
                    ranked = true;
                    top2Correct += top2.sum().cpu().item<float>();
                }
            }
        }
        int n = Math.Max(set.Count, 1);
        var attributeAccuracy = attributeCorrect.Select(c => c / n).ToArray();
        return new SetScores(set.Count, attributeAccuracy.Average(), attributeAccuracy, ranked ? top2Correct / n : null,
            losses.Count > 0 ? losses.Average() : double.NaN, losses.ToArray())
        {
            Phi = Matrix(phi, task.Attributes.Count),
        };
    }

    /// <summary>Row-major values as samples × attributes.</summary>
    private static double[,] Matrix(List<double> values, int columns)
    {
        var matrix = new double[values.Count / columns, columns];
        for (int i = 0; i < values.Count; i++) matrix[i / columns, i % columns] = values[i];
        return matrix;
    }
}
