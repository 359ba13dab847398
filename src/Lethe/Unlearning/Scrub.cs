using Lethe.Data;
using Lethe.Models;
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

    public override IReadOnlyList<UnlearnedModel> Run(UnlearningContext context, ScrubHyperParameters hyper)
    {
        if (!(hyper.Temperature > 0))
            throw new ArgumentException($"scrub.temperature must be positive, got {hyper.Temperature}");
        var start = context.Time.GetTimestamp();
        using var teacher = Freeze(context.CopyOriginal());
        var student = context.CopyOriginal();
        student.train();
        var corrected = context.Variant == UnlearningVariant.MultiLabel && !hyper.ReferenceMode;
        var maxPhase = context.Variant != UnlearningVariant.MultiLabel || corrected;
        Func<Tensor, Tensor, Tensor> kd = corrected
            ? (s, t) => Distillation.BernoulliKl(s, t, hyper.Temperature)
            : (s, t) => Distillation.SoftmaxKl(s, t, hyper.Temperature);
        using var steps = new TrainingSteps(context, Key, student, student.parameters(), hyper.Lr);
        var retain = context.TrainLoader(context.Retain, Stream("retain"));
        var forget = context.TrainLoader(context.Forget, Stream("forget"));
        for (int epoch = 1; epoch <= hyper.Epochs; epoch++)
        {
            steps.Stage = $"epoch {epoch}/{hyper.Epochs} min phase";
            if (!MinPhase(steps, student, teacher, context.Task, retain.Epoch(), kd)) break;
            if (!maxPhase) continue;
            steps.Stage = $"epoch {epoch}/{hyper.Epochs} max phase";
            if (!MaxPhase(steps, student, teacher, forget.Epoch(), kd)) break;
        }
        steps.Finish();
        return [Result("SCRUB", student, context, start, steps)];
    }

    /// <summary>The teacher: evaluation mode (running BN statistics) and no gradients, so nothing can change it.</summary>
    internal static nn.Module<Tensor, Tensor> Freeze(nn.Module<Tensor, Tensor> teacher)
    {
        teacher.eval();
        foreach (var p in teacher.parameters()) p.requires_grad = false;
        return teacher;
    }

    /// <summary>One step per retain batch on Loss(student(x), y) + KD(student(x), teacher(x)). False when diverged.</summary>
    internal static bool MinPhase(TrainingSteps steps, nn.Module<Tensor, Tensor> student,
        nn.Module<Tensor, Tensor> teacher, PredictionTask task, IEnumerable<Batch> retain,
        Func<Tensor, Tensor, Tensor> kd)
    {
        foreach (var batch in retain)
            using (batch)
                if (!steps.Step(() =>
                    {
                        var logits = student.call(batch.Images);
                        return task.Loss(logits, batch.Targets) + kd(logits, TeacherLogits(teacher, batch.Images));
                    }))
                    return false;
        return true;
    }

    /// <summary>One step per forget batch on −KD(student(x), teacher(x)). False when diverged.</summary>
    internal static bool MaxPhase(TrainingSteps steps, nn.Module<Tensor, Tensor> student,
        nn.Module<Tensor, Tensor> teacher, IEnumerable<Batch> forget, Func<Tensor, Tensor, Tensor> kd)
    {
        foreach (var batch in forget)
            using (batch)
                if (!steps.Step(() => -kd(student.call(batch.Images), TeacherLogits(teacher, batch.Images))))
                    return false;
        return true;
    }

    private static Tensor TeacherLogits(nn.Module<Tensor, Tensor> teacher, Tensor images)
    {
        using (no_grad()) return teacher.call(images);
    }
}
