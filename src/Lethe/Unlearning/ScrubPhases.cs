using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// SCRUB's two phases as the reference runs them (<c>SCRUBTraining.train_epoch()</c>): the student descends on retain
/// towards the teacher and ascends on forget away from it. <c>kd</c> is the divergence KD(student logits, teacher
/// logits) (<see cref="Distillation"/>).
/// </summary>
internal static class ScrubPhases
{
    /// <summary>One step per retain batch on Loss(student(x), y) + KD(student(x), teacher(x)).</summary>
    public static void Min(UnlearningLoop loop, string stage, nn.Module<Tensor, Tensor> student,
        nn.Module<Tensor, Tensor> teacher, IEnumerable<Batch> retain, Func<Tensor, Tensor, Tensor> kd)
    {
        foreach (var batch in loop.Each(retain))
            loop.Step(stage, () =>
            {
                var logits = student.call(batch.Images);
                return loop.Task.Loss(logits, batch.Targets).add(kd(logits, TeacherLogits(teacher, batch.Images)), Scalars.One);
            });
    }

    /// <summary>One step per forget batch on −KD(student(x), teacher(x)).</summary>
    public static void Max(UnlearningLoop loop, string stage, nn.Module<Tensor, Tensor> student,
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
