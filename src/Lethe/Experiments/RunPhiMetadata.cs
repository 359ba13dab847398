using System.Globalization;
using Lethe.Audit;
using Lethe.Models;
using Lethe.Evaluation;

namespace Lethe.Experiments;

/// <summary>What a run's φ files say about the run, so a φ file read on its own still tells what made it.</summary>
public static class RunPhiMetadata
{
    /// <summary>Dataset, task, image size, seeds, preset and Lethe version (the store adds label and result hash).</summary>
    public static IReadOnlyDictionary<string, string> Of(ExperimentSpec spec, PredictionTask task, Provenance provenance) =>
        new Dictionary<string, string>
        {
            [PhiMetadata.Dataset] = spec.Dataset,
            [PhiMetadata.Task] = task.Name,
            [PhiMetadata.ImageSize] = spec.ImageSize.ToString(CultureInfo.InvariantCulture),
            [PhiMetadata.Seed] = spec.Seed.ToString(CultureInfo.InvariantCulture),
            [PhiMetadata.UnlearnSeed] = spec.EffectiveUnlearnSeed.ToString(CultureInfo.InvariantCulture),
            [PhiMetadata.Preset] = spec.Preset,
            [PhiMetadata.Version] = provenance.Lethe,
        };
}
