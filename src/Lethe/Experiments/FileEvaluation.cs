using Lethe.Evaluation;

namespace Lethe.Experiments;

/// <summary>
/// What `lethe evaluate` measured: one given model (and optionally a given Retrained) evaluated on a dataset's sets as
/// the benchmark evaluates its models, with nothing trained, and the model's output divergence from the Retrained.
/// </summary>
/// <param name="Provenance">Versions, machine and command.</param>
/// <param name="Spec">The data and evaluation settings (dataset, image size, forget set, seed, retain sample, λ).</param>
/// <param name="Data">The sets' sizes and people.</param>
/// <param name="Models">The model, then the Retrained when one was given: each with its file (<see cref="ModelResult.Given"/>).</param>
/// <param name="Divergence">Per set ("forget", "retain", "unseen", "test", in that order), the model's divergence from
/// the Retrained; null without a Retrained. Retain is the same sample the accuracy used.</param>
/// <param name="TotalSeconds">Wall time, loading and data included.</param>
public sealed record FileEvaluation(
    Provenance Provenance,
    ExperimentSpec Spec,
    DataSummary Data,
    IReadOnlyList<ModelResult> Models,
    IReadOnlyDictionary<string, OutputDivergence>? Divergence,
    double TotalSeconds)
{
    /// <summary>The Original given (`--original`), which the relearning test and the weight line compare the model with;
    /// null when none was.</summary>
    public Lethe.Training.GivenModel? Original { get; init; }
}
