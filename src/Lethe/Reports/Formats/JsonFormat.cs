using System.Text.Json;
using Lethe.IO;
using Lethe.Reports.Audit;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Formats;

/// <summary>JSON: each kind's whole typed result (a run's record, the summary with every per-seed value, the audit's
/// scores, the evaluation), so a program reads every number without parsing text.</summary>
public sealed class JsonFormat : IReportFormat
{
    public string Name => "json";

    public string Extension => "json";

    public bool ShowsFigures => false;

    public string Render(Report report, ReportFigures? figures, string folder) => report switch
    {
        RunReport run => new JsonReport().Render(run.Run),
        SummaryReport summary => new SummaryJson().Render(summary.Summary),
        AuditReport audit => audit.Result.ToJson(),
        EvaluationReport evaluation => FileEvaluationReport.Json(evaluation.Evaluation, evaluation.PersonTest),
        _ => JsonSerializer.Serialize(new { report.Title, report.Facts, report.Warnings, report.Notes, report.Tables }, LetheJson.Options),
    };
}
