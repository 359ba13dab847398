using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>Bad Teacher hyper-parameters: the reference's (vikram2000b/bad-teaching-unlearning, CIFARSuper20 notebook:
/// Adam lr 0.0001, 1 epoch, KL_temperature 1, a random 30% of retain).</summary>
public sealed record BadTeacherHyperParameters
{
    /// <summary>Adam learning rate. Default 0.0001.</summary>
    public double Lr { get; init; } = 0.0001;

    /// <summary>Passes over the distillation set. Default 1.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Distillation temperature. Default 1.</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>The share of the retain set drawn (once) into the distillation set. Default 0.3.</summary>
    public double RetainShare { get; init; } = 0.3;
}

/// <summary>
/// Bad Teacher ("Bad Teacher", Chundawat et al. 2023): a student, initialised from the Original, distils from two
/// teachers on a shuffled mix of the whole forget set and a random share of the retain set: from the competent teacher
/// (the Original) on retain samples and from an incompetent one (a randomly initialised network) on forget samples,
/// by KL divergence at temperature T (multi-label: Bernoulli KL per label). The reference's KL averages over classes as
/// well as samples; under Adam that scale makes no difference.
/// </summary>
public sealed class BadTeacher() : UnlearningMethod<BadTeacherHyperParameters>("badteacher", "Bad Teacher")
{
    protected override Optimiser OptimiserFor(BadTeacherHyperParameters hyper) => Optimiser.Adam(hyper.Lr);

    protected override void Check(BadTeacherHyperParameters hyper)
    {
        Distillation.RequireTemperature(Key, hyper.Temperature);
        BadTeacherMix.RequireShare(hyper.RetainShare);
    }

    protected override void Unlearn(UnlearningLoop loop, BadTeacherHyperParameters hyper)
    {
        var kd = Distillation.Divergence(Key, perLabel: loop.Context.Variant == UnlearningVariant.MultiLabel, hyper.Temperature);
        var competent = loop.Teacher(loop.Context.CopyOriginal());
        var incompetent = loop.Teacher(loop.RandomNetwork("incompetent"));
        var student = loop.Train(OptimiserFor(hyper));
        var mix = loop.Loader(BadTeacherMix.Of(loop, hyper.RetainShare), "mix", BadTeacherMix.IsForget);
        // Per sample, the incompetent teacher's outputs on forget and the Original's on retain (frozen: no gradients).
        foreach (var (epoch, batch) in loop.Each(LoopShapes.Passes(hyper.Epochs, mix.Epoch)))
            loop.Step($"epoch {epoch}/{hyper.Epochs}", () => kd(student.call(batch.Images),
                where(batch.Targets.eq(Scalars.One).unsqueeze(1), incompetent.call(batch.Images), competent.call(batch.Images))));
    }
}
