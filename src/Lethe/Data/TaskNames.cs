using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// The task names a user types to say which head a model file has: the paper's datasets (mufac, mucac, mucac-male,
/// mucac-smiling, mucac-young) and the SynthFaces kinds (age, male, smiling, young, multilabel).
/// </summary>
public static class TaskNames
{
    private static readonly string[] MucacAttributes = ["male", "smiling", "young"];

    public static IReadOnlyList<string> Names { get; } =
        ["mufac", "mucac", .. MucacAttributes.Select(a => $"mucac-{a}"), .. SynthFaces.TaskKinds];

    /// <summary>The task of a name, case-insensitive; an unknown name lists the valid ones.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static PredictionTask Resolve(string name)
    {
        var key = (name ?? "").Trim().ToLowerInvariant();
        // MUCAC's binary variants are SynthFaces' binary tasks: the same attribute, the same 2-way head.
        if (key.StartsWith("mucac-") && MucacAttributes.Contains(key["mucac-".Length..])) return SynthFaces.Task(key["mucac-".Length..]);
        return key switch
        {
            "mufac" => MultiClassTask.AgeGroups,
            "mucac" => MultiLabelTask.MaleSmilingYoung,
            _ when SynthFaces.TaskKinds.Contains(key) => SynthFaces.Task(key),
            _ => throw new ArgumentException($"unknown task '{name}'; known: {string.Join(", ", Names)}"),
        };
    }
}
