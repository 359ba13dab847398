using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Lethe.Unlearning;

/// <summary>The student-to-teacher divergences of SCRUB (the reference's <c>DistillKL</c>) and Bad Teacher, both scaled
/// by T² and averaged over the batch; logits are B×outputs.</summary>
internal static class Distillation
{
    /// <summary>KD(student logits, teacher logits) at <paramref name="temperature"/>: <see cref="BernoulliKl"/> when
    /// <paramref name="perLabel"/>, else <see cref="SoftmaxKl"/>. A temperature that is not positive throws, naming
    /// "<paramref name="method"/>.temperature".</summary>
    public static Func<Tensor, Tensor, Tensor> Divergence(string method, bool perLabel, double temperature)
    {
        RequireTemperature(method, temperature);
        return perLabel ? (s, t) => BernoulliKl(s, t, temperature) : (s, t) => SoftmaxKl(s, t, temperature);
    }

    /// <summary>Throws for a temperature that is not positive, naming "<paramref name="method"/>.temperature".</summary>
    public static void RequireTemperature(string method, double temperature)
    {
        if (!(temperature > 0))
            throw new ArgumentException($"{method}.temperature must be positive, got {temperature}");
    }

    /// <summary>T² · (1/B) Σ_i Σ_c p_t (log p_t − log p_s) with p = softmax(logits / T) over the outputs.</summary>
    public static Tensor SoftmaxKl(Tensor student, Tensor teacher, double temperature)
    {
        using var tau = temperature.ToScalar(); // held through the calls that read them (see Scalars)
        using var tauSquared = (temperature * temperature).ToScalar();
        var logStudent = F.log_softmax(student.div(tau), 1);
        var logTeacher = F.log_softmax(teacher.div(tau), 1);
        return (logTeacher.exp() * (logTeacher - logStudent)).sum(1).mean().mul(tauSquared);
    }

    /// <summary>
    /// The corrected multi-label divergence: per label the KL between Bernoulli(sigmoid(t/T)) and Bernoulli(sigmoid(s/T)),
    /// summed over labels. Log-sigmoids keep it finite for saturated logits.
    /// </summary>
    public static Tensor BernoulliKl(Tensor student, Tensor teacher, double temperature)
    {
        using var tau = temperature.ToScalar(); // held through the calls that read them (see Scalars)
        using var tauSquared = (temperature * temperature).ToScalar();
        var s = student.div(tau);
        var t = teacher.div(tau);
        var pTeacher = sigmoid(t);
        var present = pTeacher * (F.logsigmoid(t) - F.logsigmoid(s));
        var absent = pTeacher.negative().add(Scalars.One, Scalars.One) * (F.logsigmoid(-t) - F.logsigmoid(-s)); // 1 − pTeacher
        return present.add(absent, Scalars.One).sum(1).mean().mul(tauSquared);
    }
}
