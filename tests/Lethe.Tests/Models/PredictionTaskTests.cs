using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Tests.Models;

public class PredictionTaskTests
{
    [Fact]
    public void Multiclass_per_sample_loss_is_the_cross_entropy_of_the_true_class()
    {
        // logits [0, ln 3]: softmax = [1/4, 3/4]; CE of class 1 = ln(4/3), of class 0 = ln 4.
        using var logits = tensor(new float[] { 0, MathF.Log(3), 0, MathF.Log(3) }, [2, 2]);
        using var targets = tensor(new long[] { 1, 0 });
        var task = new BinaryTask("Male");
        var losses = task.PerSampleLoss(logits, targets).data<float>().ToArray();
        Assert.Equal(Math.Log(4.0 / 3), losses[0], 5);
        Assert.Equal(Math.Log(4.0), losses[1], 5);
        Assert.Equal((Math.Log(4.0 / 3) + Math.Log(4)) / 2, task.Loss(logits, targets).item<float>(), 5);
    }

    [Fact]
    public void Multilabel_per_sample_loss_is_the_mean_bce_over_labels()
    {
        // BCE-with-logits(0, y) = ln 2 for any y; BCE(ln 3, 1) = ln(4/3); BCE(ln 3, 0) = ln 4.
        using var logits = tensor(new float[] { 0, MathF.Log(3), MathF.Log(3) }, [1, 3]);
        using var targets = tensor(new float[] { 1, 1, 0 }, [1, 3]);
        var loss = MultiLabelTask.MaleSmilingYoung.PerSampleLoss(logits, targets).item<float>();
        Assert.Equal((Math.Log(2) + Math.Log(4.0 / 3) + Math.Log(4)) / 3, loss, 5);
    }

    [Fact]
    public void Multilabel_correctness_is_per_attribute_with_threshold_zero()
    {
        using var logits = tensor(new float[] { 2, -1, 0.5f }, [1, 3]);
        using var targets = tensor(new float[] { 1, 1, 0 }, [1, 3]);
        Assert.Equal([1f, 0f, 0f], MultiLabelTask.MaleSmilingYoung.Correct(logits, targets).data<float>().ToArray());
    }

    [Fact]
    public void Top2_counts_a_label_in_the_two_largest_logits()
    {
        using var logits = tensor(new float[] { 0.1f, 0.5f, 0.3f, 0.0f, 0, 0, 0, 0, /* row 2 */ 5, 4, 3, 2, 1, 0, 0, 0 }, [2, 8]);
        using var targets = tensor(new long[] { 2, 3 });
        var top2 = MultiClassTask.AgeGroups.TopKCorrect(logits, targets, 2)!.data<float>().ToArray();
        Assert.Equal([1f, 0f], top2);
    }

    [Fact]
    public void Multiclass_phi_on_the_tensor_agrees_with_the_scalar_definition_on_random_extreme_and_tied_logits()
    {
        // 200 random rows of 8 logits in [−10, 10], then rows that overflow a naive softmax (±200), rows of ties, and a
        // row whose true logit ties the largest other one. Evaluation.Phi is the reference (the challenge's definition, exact).
        var random = new Random(12);
        var rows = new List<float[]>();
        for (var i = 0; i < 200; i++) rows.Add(Enumerable.Range(0, 8).Select(_ => (float)(random.NextDouble() * 20 - 10)).ToArray());
        rows.Add([200, -200, 0, 0, 0, 0, 0, 0]);
        rows.Add([-200, 200, 200, -200, 0, 0, 0, 0]);
        rows.Add([200, 200, 200, 200, 200, 200, 200, 200]);
        rows.Add([-200, -200, -200, -200, -200, -200, -200, -200]);
        rows.Add([0, 0, 0, 0, 0, 0, 0, 0]);
        rows.Add([3, 3, -1, 0, 0, 0, 0, 0]);
        var labels = rows.Select((_, i) => i < 200 ? random.Next(8) : i % 2).ToArray();
        using var logits = tensor(rows.SelectMany(r => r).ToArray(), [rows.Count, 8]);
        using var targets = tensor(labels.Select(l => (long)l).ToArray());

        using var phi = MultiClassTask.AgeGroups.Phi(logits, targets);

        Assert.Equal(ScalarType.Float64, phi.dtype);
        Assert.Equal([rows.Count, 1L], phi.shape);
        var actual = phi.data<double>().ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = Lethe.Evaluation.Phi.FromLogits(rows[i], labels[i]);
            Assert.True(Math.Abs(expected - actual[i]) <= 1e-13 * Math.Max(1, Math.Abs(expected)),
                $"row {i}: tensor φ {actual[i]:R}, scalar φ {expected:R}");
        }
        // Hand-worked: 8 equal logits give p = 1/8, φ = ln(1/8) − ln(7/8) = −ln 7; (200, −200, 0 ×6) with y = 0 gives
        // 200 − ln(e^−200 + 6) = 200 − ln 6 to double precision.
        Assert.Equal(-Math.Log(7), actual[202], 1e-12);
        Assert.Equal(200 - Math.Log(6), actual[200], 1e-12);
    }

    [Fact]
    public void Binary_phi_is_the_difference_of_the_two_logits()
    {
        using var logits = tensor(new float[] { 1.5f, -0.5f, 200f, -200f }, [2, 2]);
        using var targets = tensor(new long[] { 0, 1 });

        Assert.Equal([2.0, -400.0], BinaryTask.Male.Phi(logits, targets).data<double>().ToArray());
    }

    [Fact]
    public void Multilabel_phi_is_the_logit_signed_by_each_attributes_bit_and_agrees_with_the_scalar_definition()
    {
        float[,] z = { { 1.5f, -2f, 0f }, { 200f, -200f, 0.25f } };
        int[,] bits = { { 1, 1, 0 }, { 0, 1, 1 } };
        using var logits = tensor(z.Cast<float>().ToArray(), [2, 3]);
        using var targets = tensor(bits.Cast<int>().Select(b => (float)b).ToArray(), [2, 3]);

        using var phi = MultiLabelTask.MaleSmilingYoung.Phi(logits, targets);

        Assert.Equal([2L, 3L], phi.shape);
        var expected = Lethe.Evaluation.Phi.FromSigmoidLogits(z, bits).Cast<double>().ToArray();
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), phi.data<double>().ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal([1.5, -2.0, -0.0, -200.0, -200.0, 0.25], expected);
    }

    [Fact]
    public void Labels_outside_the_label_set_are_rejected_with_the_sample_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => MultiClassTask.AgeGroups.Validate(new Sample("F0001_x.jpg", "F0001_D", [8])));
        Assert.Contains("F0001_x.jpg", error.Message);
        Assert.Throws<InvalidDataException>(() => MultiLabelTask.MaleSmilingYoung.Validate(new Sample("1.jpg", "7", [1, 2, 0])));
    }

    [Fact]
    public void Random_targets_draw_each_wrong_class_about_equally_and_never_the_true_one()
    {
        using var truth = arange(4000).remainder(4);
        using var random = new Generator(7);

        using var drawn = new MultiClassTask("toy-4", ["a", "b", "c", "d"]).RandomTargets(truth, random);

        Assert.False(drawn.eq(truth).any().item<bool>());
        foreach (var shift in new[] { 1, 2, 3 })
            Assert.InRange(drawn.sub(truth).remainder(4).eq(shift).sum().item<long>(), 1200, 1467);
        using var binaryTruth = truth.remainder(2);
        using var binary = new BinaryTask("Male").RandomTargets(binaryTruth, random);
        Assert.True(binary.add(binaryTruth).eq(1).all().item<bool>()); // the other class, always
    }

    [Fact]
    public void Random_targets_are_random_bits_for_multilabel_whatever_the_truth()
    {
        using var truth = ones(1000, 3);
        using var random = new Generator(7);

        using var bits = MultiLabelTask.MaleSmilingYoung.RandomTargets(truth, random);

        Assert.Equal(ScalarType.Float32, bits.dtype);
        Assert.True(bits.eq(0).logical_or(bits.eq(1)).all().item<bool>());
        Assert.InRange(bits.mean().item<float>(), 0.45f, 0.55f);
    }
}

public class BinaryTopKTests
{
    [Fact]
    public void A_binary_task_has_no_top2_because_it_would_always_be_right()
    {
        using var logits = zeros(3, 2);
        using var targets = tensor(new long[] { 0, 1, 0 });
        Assert.Null(new BinaryTask("Male").TopKCorrect(logits, targets, 2));
    }
}
