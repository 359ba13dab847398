using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>`lethe evaluate --out`: evaluation.json (every number) and evaluation.md (facts, notes, the table).</summary>
/// <param name="Evaluation">The model's evaluation.</param>
/// <param name="PersonTest">With <c>--pool</c> or <c>--pool-files</c>, the model's per-person test against the pool; else null.</param>
public sealed record EvaluationReport(FileEvaluation Evaluation, Lethe.Audit.PersonPoolTest? PersonTest = null) : Report
{
    public override string Stem => "evaluation";

    public override string Title => FileEvaluationReport.Title(Evaluation);

    public override IReadOnlyList<RunFact> Facts => FileEvaluationReport.Facts(Evaluation);

    public override IReadOnlyList<string> Warnings => [];

    public override IReadOnlyList<string> Notes =>
    [
        ReportNotes.Metrics, .. Evaluation.Divergence is null ? Array.Empty<string>() : [FileEvaluationReport.DivergenceNote],
        .. PersonTest is null ? Array.Empty<string>() : [.. PersonPoolSection.Lines(PersonTest), PersonPoolSection.Legend],
    ];

    public override IReadOnlyList<ReportTable> Tables =>
    [
        ReportTable.From("Results", FileEvaluationReport.Table(Evaluation)),
        .. PersonTest is not null && PersonPoolSection.Table(PersonTest) is { } people ? [people] : Array.Empty<ReportTable>(),
    ];
}
