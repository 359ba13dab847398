using Lethe.Data;

namespace Lethe.Experiments;

/// <summary>Sizes of the benchmark's sets, and how many people are in each, for the report header.</summary>
/// <param name="Classes">The classes the labels use and the chance level; null in runs stored before it was recorded.</param>
public sealed record DataSummary(string Name, string Task, int ImageSize, int Train, int Forget, int Retain, int Test, int Unseen,
    int ForgetIdentities, int RetainIdentities, int TestIdentities, int UnseenIdentities, int StraddlingIdentities, string Fingerprint,
    IReadOnlyList<string>? Notes = null, ClassCoverage? Classes = null);

/// <summary>
/// Everything one run produced: provenance, the frozen spec, the data, one result per model, and the reference quirks
/// that shaped its models (empty: principled; null in runs stored before Lethe recorded them).
/// </summary>
public sealed record RunRecord(
    Provenance Provenance,
    ExperimentSpec Spec,
    string ResultHash,
    DataSummary Data,
    IReadOnlyList<ModelResult> Models,
    double TotalSeconds,
    IReadOnlyList<QuirkInForce>? Quirks = null);
