using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>`lethe evaluate --out`: evaluation.json (every number) and evaluation.md (facts, notes, the table).</summary>
public sealed record EvaluationReport(FileEvaluation Evaluation) : Report
{
    public override string Stem => "evaluation";

    public override string Title => FileEvaluationReport.Title(Evaluation);

    public override IReadOnlyList<RunFact> Facts => FileEvaluationReport.Facts(Evaluation);

    public override IReadOnlyList<string> Warnings => [];

    public override IReadOnlyList<string> Notes =>
        [ReportNotes.Metrics, .. Evaluation.Divergence is null ? Array.Empty<string>() : [FileEvaluationReport.DivergenceNote]];

    public override IReadOnlyList<ReportTable> Tables => [ReportTable.From("Results", FileEvaluationReport.Table(Evaluation))];
}
