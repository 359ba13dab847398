using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation;

/// <summary>
/// Accuracies against a hand count (see <see cref="LookupModel"/>): 150 images span three batches of 64, the last one
/// partial.
/// </summary>
public class SetScorerTests
{
    private const int Count = 150;

    [Fact]
    public void Multi_class_accuracy_top2_and_phi_equal_a_hand_count_over_several_batches()
    {
        var random = new Random(5);
        var labels = Enumerable.Range(0, Count).Select(_ => random.Next(8)).ToArray();
        var table = LookupModel.Table(Count, 8, random);
        using var set = LookupModel.Images(labels.Select(l => new[] { l }).ToArray());
        using var model = new LookupModel(table);

        var scores = SetScorer.Score(model, MultiClassTask.AgeGroups, set, new EvalTransform(4), CPU);

        int top1 = 0, top2 = 0;
        for (int i = 0; i < Count; i++)
        {
            var ranked = Enumerable.Range(0, 8).OrderByDescending(c => table[i, c]).ToArray();
            top1 += ranked[0] == labels[i] ? 1 : 0;
            top2 += ranked[0] == labels[i] || ranked[1] == labels[i] ? 1 : 0;
        }
        Assert.True(top1 > 0 && top1 < Count, "a table that is always right or always wrong would prove little");
        Assert.Equal((double)top1 / Count, scores.Accuracy, 12);
        Assert.Equal((double)top2 / Count, scores.Top2Accuracy!.Value, 12);
        // Cross-entropy of row i by hand: logsumexp(row) − row[label].
        double loss0 = Math.Log(Enumerable.Range(0, 8).Sum(c => Math.Exp(table[0, c]))) - table[0, labels[0]];
        Assert.Equal(loss0, scores.Losses[0], 4);
        Assert.Equal(Count, scores.Losses.Length);
        // φ from the same pass, row for row in the set's order across the batches.
        Assert.Equal([Count, 1], new[] { scores.Phi.GetLength(0), scores.Phi.GetLength(1) });
        for (int i = 0; i < Count; i++)
        {
            var row = Enumerable.Range(0, 8).Select(c => (float)table[i, c]).ToArray();
            Assert.Equal(Lethe.Evaluation.Phi.FromLogits(row, labels[i]), scores.Phi[i, 0], 1e-12);
            // The defining effect: with p_y = e^(−loss), φ = log p_y − log(1 − p_y) (the loss is float32, hence 1e-4).
            var p = Math.Exp(-scores.Losses[i]);
            Assert.Equal(Math.Log(p) - Math.Log(1 - p), scores.Phi[i, 0], 1e-4);
        }
    }

    [Fact]
    public void Multi_label_accuracy_is_the_mean_of_per_attribute_hand_counts()
    {
        var random = new Random(6);
        var labels = Enumerable.Range(0, Count).Select(_ => new[] { random.Next(2), random.Next(2), random.Next(2) }).ToArray();
        var table = LookupModel.Table(Count, 3, random);
        using var set = LookupModel.Images(labels);
        using var model = new LookupModel(table);

        var scores = SetScorer.Score(model, MultiLabelTask.MaleSmilingYoung, set, new EvalTransform(4), CPU);

        var perAttribute = Enumerable.Range(0, 3)
            .Select(a => Enumerable.Range(0, Count).Count(i => (table[i, a] > 0 ? 1 : 0) == labels[i][a]) / (double)Count).ToArray();
        for (int a = 0; a < 3; a++) Assert.Equal(perAttribute[a], scores.AttributeAccuracy[a], 12);
        Assert.Equal(perAttribute.Average(), scores.Accuracy, 12);
        Assert.Null(scores.Top2Accuracy);
        // One φ per attribute: the logit, negated where the bit is 0.
        for (int i = 0; i < Count; i++)
            for (int a = 0; a < 3; a++)
                Assert.Equal(labels[i][a] == 1 ? (float)table[i, a] : -(float)table[i, a], scores.Phi[i, a]);
    }

    [Fact]
    public void Evaluation_leaves_the_model_unchanged_even_when_it_was_in_training_mode()
    {
        using var data = TinyData.Classes(70, size: 16);
        using var model = Networks.Create("resnet18", 8, CPU, initSeed: 4);
        model.train();
        var before = model.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());

        SetScorer.Score(model, MultiClassTask.AgeGroups, data, new EvalTransform(16), CPU);

        foreach (var (name, value) in model.state_dict())
            Assert.True(value.equal(before[name]).all().item<bool>(), $"{name} changed (BatchNorm statistics must not move in evaluation)");
    }
}
