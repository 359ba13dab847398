using Lethe.Unlearning;
using static TorchSharp.torch;

namespace Lethe.Tests.Unlearning;

public class DistillationTests
{
    [Fact]
    public void Should_compute_the_softmax_divergence_by_hand()
    {
        // T = 2: teacher logits [2, 0] → [1, 0] → p_t = [e/(e+1), 1/(e+1)]; student logits [0, 0] → p_s = [½, ½].
        using var student = tensor(new float[] { 0, 0, 0, 0 }, [2, 2]);
        using var teacher = tensor(new float[] { 2, 0, 2, 0 }, [2, 2]);
        var p = Math.E / (Math.E + 1);
        var expected = 4 * (p * Math.Log(p / 0.5) + (1 - p) * Math.Log((1 - p) / 0.5));

        using var kd = Distillation.SoftmaxKl(student, teacher, 2);

        Assert.Equal(expected, kd.item<float>(), 5);
    }

    [Fact]
    public void Should_compute_the_bernoulli_divergence_by_hand_summed_over_labels()
    {
        // T = 1, one sample, two labels: (teacher 0, student 0) adds nothing; (teacher ln 3, student 0): p_t = ¾, p_s = ½.
        using var student = tensor(new float[] { 0, 0 }, [1, 2]);
        using var teacher = tensor(new float[] { 0, (float)Math.Log(3) }, [1, 2]);
        var expected = 0.75 * Math.Log(0.75 / 0.5) + 0.25 * Math.Log(0.25 / 0.5);

        using var kd = Distillation.BernoulliKl(student, teacher, 1);

        Assert.Equal(expected, kd.item<float>(), 5);
    }

    [Fact]
    public void Should_vanish_when_student_equals_teacher()
    {
        using var logits = tensor(new float[] { 3, -1, 0.5f, 2, 2, -4 }, [2, 3]);
        Assert.Equal(0, Distillation.SoftmaxKl(logits, logits, 4).item<float>(), 6);
        Assert.Equal(0, Distillation.BernoulliKl(logits, logits, 4).item<float>(), 6);
    }
}
