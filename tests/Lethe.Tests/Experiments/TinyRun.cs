using Lethe.Data;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Training;

namespace Lethe.Tests.Experiments;

/// <summary>A whole benchmark small enough for a unit test: 16 px, a few people, 2 epochs.</summary>
public static class TinyRun
{
    public static ExperimentSpec Spec(string output, string cache, IReadOnlyList<string>? methods = null) => Presets.Default with
    {
        Preset = "tiny",
        ImageSize = 16,
        Synth = new SynthFacesOptions(ForgetIdentities: 4, RetainIdentities: 8, TestIdentities: 4, UnseenIdentities: 4,
            ImagesPerIdentity: 6, UnseenImagesPerIdentity: 5),
        BaseEpochs = 2,
        Methods = methods ?? [],
        Jobs = 2,
        Threads = 1,
        OutputDirectory = output,
        CacheDirectory = cache,
        // No relearning: it would add seconds to every tiny run of the suite; RelearnInBenchmarkTests turns it on (a few steps).
        Relearn = new Lethe.Evaluation.Relearning.RelearnOptions(Steps: 4, BatchSize: 16, ScoreEvery: 2, RetainImages: 32), NoRelearn = true,
    };
}
