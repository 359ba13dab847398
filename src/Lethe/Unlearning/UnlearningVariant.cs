using Lethe.Models;

namespace Lethe.Unlearning;

/// <summary>
/// The three benchmark flavours whose unlearning defaults and loop shapes differ, as the reference's three notebook
/// folders do: MUFAC's multi-class task, MUCAC's binary attribute tasks and MUCAC's multi-label task.
/// </summary>
public enum UnlearningVariant
{
    /// <summary>Softmax over several classes (MUFAC's 8 age groups).</summary>
    MultiClass,

    /// <summary>One MUCAC attribute as a 2-way softmax.</summary>
    Binary,

    /// <summary>MUCAC's independent sigmoid attributes.</summary>
    MultiLabel,
}

/// <summary>Maps a task to the variant whose defaults apply to it.</summary>
public static class UnlearningVariants
{
    /// <summary>MultiLabelTask → MultiLabel, BinaryTask → Binary, any other task → MultiClass.</summary>
    public static UnlearningVariant Of(PredictionTask task) => task switch
    {
        MultiLabelTask => UnlearningVariant.MultiLabel,
        BinaryTask => UnlearningVariant.Binary,
        _ => UnlearningVariant.MultiClass,
    };
}
