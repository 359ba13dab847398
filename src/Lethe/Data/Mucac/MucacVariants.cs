using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// MUCAC's four benchmarks (the reference's multi_label_classification and binay_classification notebooks): the
/// multi-label one and one binary benchmark per attribute, each with its own Original and Retrained models but the same
/// sets.
/// </summary>
public static class MucacVariants
{
    public const string MultiLabel = "mucac";
    public const string Male = "mucac-male";
    public const string Smiling = "mucac-smiling";
    public const string Young = "mucac-young";

    public static IReadOnlyList<string> All { get; } = [MultiLabel, Male, Smiling, Young];

    private static readonly List<string> Columns = [.. CelebAAttributes.Kept];

    /// <summary>The prediction task of a variant name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="All"/>.</exception>
    public static PredictionTask Task(string variant) => (variant ?? "").Trim().ToLowerInvariant() switch
    {
        MultiLabel => MultiLabelTask.MaleSmilingYoung,
        Male => BinaryTask.Male,
        Smiling => BinaryTask.Smiling,
        Young => BinaryTask.Young,
        _ => throw new ArgumentException($"Unknown MUCAC variant '{variant}'. Valid variants: {string.Join(", ", All)}",
            nameof(variant)),
    };

    /// <summary>An image's labels for a task: [Male, Smiling, Young], or the one attribute as class 0/1.</summary>
    public static int[] Labels(MucacImage image, PredictionTask task)
    {
        if (task is MultiLabelTask) return [.. image.Attributes];
        int column = task is BinaryTask binary ? Columns.IndexOf(binary.Attribute) : -1;
        if (column < 0) throw new ArgumentException($"MUCAC has no labels for task {task.Name}", nameof(task));
        return [image.Attributes[column]];
    }
}
