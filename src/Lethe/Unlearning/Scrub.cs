using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>SCRUB hyper-parameters (spec §8.7); defaults depend on the variant.</summary>
public sealed record ScrubHyperParameters
{
    /// <summary>SGD learning rate. Default 0.001 (binary: 0.0001).</summary>
    public double Lr { get; init; } = 0.001;

    /// <summary>Epochs, each a min phase then a max phase. Default 2 (binary: 1).</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Distillation temperature T. Default 4.</summary>
    public double Temperature { get; init; } = 4;

    /// <summary>
    /// The spec's scrubReferenceMode. For multi-label tasks, true replicates the reference: min phase only, softmax
    /// distillation over the attribute logits. False runs the corrected variant: max phase on, Bernoulli KL per label
    /// on sigmoid(logit / T). Other variants ignore it. Default true.
    /// </summary>
    public bool ReferenceMode { get; init; } = true;

    /// <summary>Every epoch repeats the first one's order and augmentation, as the reference's MUCAC multi-label notebook
    /// did by re-seeding at the start of each epoch (<c>SCRUBTraining.train_epoch</c>). Default false.</summary>
    public bool EpochReseedQuirk { get; init; }
}

/// <summary>
/// SCRUB as implemented by the reference ("SCRUB"): a student, initialised from the Original, stays close to the
/// frozen Original (the teacher) on retain while moving away from it on forget (spec §8.7).
/// </summary>
public sealed class Scrub : UnlearningMethod<ScrubHyperParameters>
{
    public override string Key => "scrub";

    public override IReadOnlyList<string> LabelsFor(ScrubHyperParameters hyperParameters) => ["SCRUB"];

    public override ScrubHyperParameters Defaults(UnlearningVariant variant) =>
        variant == UnlearningVariant.Binary ? new() { Lr = 0.0001, Epochs = 1 } : new();

    protected override void Unlearn(UnlearningLoop loop, ScrubHyperParameters hyper)
    {
        if (!(hyper.Temperature > 0))
            throw new ArgumentException($"scrub.temperature must be positive, got {hyper.Temperature}");
        var teacher = loop.Teacher(loop.Context.CopyOriginal());
        var student = loop.Train(Optimiser.Sgd(hyper.Lr));
        var corrected = loop.Context.Variant == UnlearningVariant.MultiLabel && !hyper.ReferenceMode;
        var maxPhase = loop.Context.Variant != UnlearningVariant.MultiLabel || corrected;
        Func<Tensor, Tensor, Tensor> kd = corrected
            ? (s, t) => Distillation.BernoulliKl(s, t, hyper.Temperature)
            : (s, t) => Distillation.SoftmaxKl(s, t, hyper.Temperature);
        var retain = loop.Loader(loop.Context.Retain, "retain", replayFirstEpoch: hyper.EpochReseedQuirk);
        var forget = loop.Loader(loop.Context.Forget, "forget", replayFirstEpoch: hyper.EpochReseedQuirk);
        for (int epoch = 1; epoch <= hyper.Epochs; epoch++)
        {
            MinPhase(loop, $"epoch {epoch}/{hyper.Epochs} min phase", student, teacher, retain.Epoch(), kd);
            if (maxPhase) MaxPhase(loop, $"epoch {epoch}/{hyper.Epochs} max phase", student, teacher, forget.Epoch(), kd);
        }
    }

    /// <summary>One step per retain batch on Loss(student(x), y) + KD(student(x), teacher(x)).</summary>
    internal static void MinPhase(UnlearningLoop loop, string stage, nn.Module<Tensor, Tensor> student,
        nn.Module<Tensor, Tensor> teacher, IEnumerable<Batch> retain, Func<Tensor, Tensor, Tensor> kd)
    {
        foreach (var batch in loop.Each(retain))
            loop.Step(stage, () =>
            {
                var logits = student.call(batch.Images);
                return loop.Task.Loss(logits, batch.Targets) + kd(logits, TeacherLogits(teacher, batch.Images));
            });
    }

    /// <summary>One step per forget batch on −KD(student(x), teacher(x)).</summary>
    internal static void MaxPhase(UnlearningLoop loop, string stage, nn.Module<Tensor, Tensor> student,
        nn.Module<Tensor, Tensor> teacher, IEnumerable<Batch> forget, Func<Tensor, Tensor, Tensor> kd)
    {
        foreach (var batch in loop.Each(forget))
            loop.Step(stage, () => -kd(student.call(batch.Images), TeacherLogits(teacher, batch.Images)));
    }

    private static Tensor TeacherLogits(nn.Module<Tensor, Tensor> teacher, Tensor images)
    {
        using (no_grad()) return teacher.call(images);
    }
}
