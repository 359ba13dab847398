using Lethe.Data;
using Lethe.Evaluation;
using Lethe.Experiments;

namespace Lethe.Plans;

/// <summary>
/// The data of one data seed of a plan (see <see cref="Cell.DataSeed"/>) and what every cell on it shares: the
/// evaluation a benchmark run of that seed does (its λ, its retain sample and attack subsampling, both drawn from the
/// seed: <see cref="ExperimentSpec.EvaluationOptions"/>), the evaluation sets chosen once, and what its φ files say.
/// </summary>
public sealed class PlanData : IDisposable
{
    internal PlanData(ExperimentSpec spec, BenchmarkData data, IReadOnlyDictionary<string, string> phiMetadata)
    {
        Spec = spec;
        Data = data;
        Evaluation = spec.EvaluationOptions();
        Sets = EvaluationSets.Of(data, Evaluation);
        PhiMetadata = phiMetadata;
    }

    /// <summary>The plan's spec with this data seed as its seed.</summary>
    public ExperimentSpec Spec { get; }

    /// <summary>The sets (owned by the bench, which may share them between seeds whose data is the same).</summary>
    public BenchmarkData Data { get; }

    public EvaluationOptions Evaluation { get; }

    public EvaluationSets Sets { get; }

    /// <summary>What every φ file of the seed carries (dataset, task, image size, seeds, preset, Lethe version).</summary>
    public IReadOnlyDictionary<string, string> PhiMetadata { get; }

    /// <summary>Frees the retain sample's copy; the data belongs to the bench.</summary>
    public void Dispose() => Sets.Dispose();
}
