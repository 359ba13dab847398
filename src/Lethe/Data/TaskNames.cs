using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// The task names a user types to say which head a model file has: every registered dataset's
/// (<see cref="IDataset.TaskNames"/>): the paper's datasets (mufac, mucac, mucac-male, mucac-smiling, mucac-young) and
/// the SynthFaces kinds (age, male, smiling, young, multilabel).
/// </summary>
public static class TaskNames
{
    public static IReadOnlyList<string> Names { get; } = [.. DatasetRegistry.Default.All.SelectMany(d => d.TaskNames)];

    /// <summary>The task of a name, case-insensitive; an unknown name lists the valid ones.</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="Names"/>.</exception>
    public static PredictionTask Resolve(string name)
    {
        var key = (name ?? "").Trim().ToLowerInvariant();
        return DatasetRegistry.Default.All.FirstOrDefault(d => d.TaskNames.Contains(key)) is { } dataset
            ? dataset.Task(key)
            : throw new ArgumentException($"unknown task '{name}'; known: {string.Join(", ", Names)}");
    }
}
