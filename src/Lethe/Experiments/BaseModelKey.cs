using Lethe.Data;
using Lethe.Training;

namespace Lethe.Experiments;

/// <summary>
/// The one rule for what determines a base model (Original or Retrained): its own training set's content (not the whole
/// benchmark's fingerprint, which also covers the forget choice, test and unseen), its recipe, seed, architecture, task,
/// image size, augmentation, device and torch thread count. The checkpoint cache keys weights by it, so every front
/// door (benchmark, plan, audit) trains a model once, and an Original survives a change of <c>--forget</c>.
/// </summary>
public static class BaseModelKey
{
    /// <summary>The key of the base model of <paramref name="role"/> trained with <paramref name="seed"/> on <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="role"/> is not Original or Retrained.</exception>
    public static CheckpointKey Of(ExperimentSpec spec, BenchmarkData data, CellRole role, long seed, string device)
    {
        var recipes = spec.RecipesFor(data.Task);
        var (trainingSet, recipe) = role switch
        {
            CellRole.Original => (data.Train, recipes.Original),
            CellRole.Retrained => (data.Retain, recipes.Retrained),
            _ => throw new ArgumentException($"{role} is not a base model", nameof(role)),
        };
        return new CheckpointKey(trainingSet.ContentHash(), StreamName(role), recipe, seed, spec.Architecture, data.Task.Name,
            spec.ImageSize, spec.Augmentation.ToString(), device, spec.EffectiveThreads);
    }

    /// <summary>The role's name in seed streams ("init/original", "train/retrained") and cache keys.</summary>
    public static string StreamName(CellRole role) => role == CellRole.Original ? "original" : "retrained";

    /// <summary>The label a base model's result carries.</summary>
    public static string Label(CellRole role) => role == CellRole.Original ? "Original" : "Retrained";
}
