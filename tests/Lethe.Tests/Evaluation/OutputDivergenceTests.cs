using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation;

/// <summary>
/// KL and JS against values worked by hand (natural logarithms), e.g. p = (0.5, 0.5), q = (0.9, 0.1):
/// KL(p ‖ q) = 0.5·ln(0.5/0.9) + 0.5·ln(0.5/0.1) = 0.5108256; m = (0.7, 0.3), KL(p ‖ m) = 0.0871773, KL(q ‖ m) = 0.1163212,
/// JS = 0.1017492.
/// </summary>
public class OutputDivergenceTests
{
    [Fact]
    public void Per_example_divergences_equal_the_hand_worked_values()
    {
        // Example 0: p = (0.7, 0.2, 0.1), q = (0.1, 0.3, 0.6); example 1: the same distribution twice.
        using var p = Log([[[0.7, 0.2, 0.1]], [[0.2, 0.3, 0.5]]]);
        using var q = Log([[[0.1, 0.3, 0.6]], [[0.2, 0.3, 0.5]]]);

        var (kl, js) = OutputDivergence.PerExample(p, q);

        Assert.Equal([1.1018681358, 0.0], kl.data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal([0.2306454879, 0.0], js.data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void KL_depends_on_the_order_and_JS_does_not()
    {
        using var p = Log([[[0.7, 0.2, 0.1]]]);
        using var q = Log([[[0.1, 0.3, 0.6]]]);

        var (klQp, jsQp) = OutputDivergence.PerExample(q, p);

        Assert.Equal(1.0021041991, klQp.item<double>(), 9); // KL(q ‖ p), not KL(p ‖ q) = 1.1018681358
        Assert.Equal(0.2306454879, jsQp.item<double>(), 9);
    }

    [Fact]
    public void Labels_of_a_multi_label_task_are_averaged()
    {
        // Label 1: p = (0.5, 0.5), q = (0.9, 0.1); label 2: p = (0.2, 0.8), q = (0.6, 0.4).
        using var p = Log([[[0.5, 0.5], [0.2, 0.8]]]);
        using var q = Log([[[0.9, 0.1], [0.6, 0.4]]]);

        var (kl, js) = OutputDivergence.PerExample(p, q);

        Assert.Equal((0.5108256238 + 0.3347952867) / 2, kl.item<double>(), 9);
        Assert.Equal((0.1017492251 + 0.0863046217) / 2, js.item<double>(), 9);
    }

    [Fact]
    public void A_multi_label_tasks_distributions_are_a_bernoulli_per_label()
    {
        using var logits = tensor(new[] { 0f, 2f, -1f }, [1, 3]);

        using var log = MultiLabelTask.MaleSmilingYoung.LogDistributions(logits);

        Assert.Equal([1L, 3, 2], log.shape);
        var probabilities = log.exp().data<float>().ToArray();
        for (int label = 0; label < 3; label++)
        {
            double present = 1 / (1 + Math.Exp(-logits[0, label].item<float>()));
            Assert.Equal(present, probabilities[label * 2 + 1], 6);
            Assert.Equal(1 - present, probabilities[label * 2], 6);
        }
    }

    [Fact]
    public void Over_a_set_the_means_are_those_of_each_images_softmax_outputs()
    {
        const int count = 150; // three batches of 64, the last one partial
        var random = new Random(3);
        var labels = Enumerable.Range(0, count).Select(_ => new[] { random.Next(8) }).ToArray();
        using var set = LookupModel.Images(labels);
        var (referenceTable, modelTable) = (LookupModel.Table(count, 8, random), LookupModel.Table(count, 8, random));
        using var reference = new LookupModel(referenceTable);
        using var model = new LookupModel(modelTable);

        var divergence = OutputDivergence.Measure(reference, model, MultiClassTask.AgeGroups, set, new EvalTransform(4), CPU);
        var itself = OutputDivergence.Measure(reference, reference, MultiClassTask.AgeGroups, set, new EvalTransform(4), CPU);

        double kl = 0, js = 0;
        for (int i = 0; i < count; i++)
        {
            var (p, q) = (Softmax(referenceTable, i), Softmax(modelTable, i));
            var m = p.Zip(q, (a, b) => (a + b) / 2).ToArray();
            kl += Kl(p, q);
            js += (Kl(p, m) + Kl(q, m)) / 2;
        }
        Assert.Equal(count, divergence.Count);
        Assert.Equal(kl / count, divergence.MeanKl, 5);
        Assert.Equal(js / count, divergence.MeanJs, 5);
        Assert.Equal((0.0, 0.0), (itself.MeanKl, itself.MeanJs));
    }

    private static Tensor Log(double[][][] probabilities)
    {
        var flat = probabilities.SelectMany(e => e.SelectMany(a => a)).Select(v => Math.Log(v)).ToArray();
        return tensor(flat, [probabilities.Length, probabilities[0].Length, probabilities[0][0].Length]);
    }

    private static double[] Softmax(double[,] table, int row)
    {
        // The table holds float32 logits in the model; round the same way before the softmax.
        var logits = Enumerable.Range(0, table.GetLength(1)).Select(c => (double)(float)table[row, c]).ToArray();
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        return exp.Select(e => e / exp.Sum()).ToArray();
    }

    private static double Kl(double[] p, double[] q) => p.Zip(q, (a, b) => a * Math.Log(a / b)).Sum();
}
