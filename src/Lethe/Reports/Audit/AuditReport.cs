using Lethe.Audit;
using Lethe.Data;
using Lethe.Reports.Plots;

namespace Lethe.Reports.Audit;

/// <summary>
/// An audit: audit.json (every number; the name plans and `AuditResult.Read` know), report.md and report.html, with the
/// exposure and forgetting-quality plots in plots/ and the most exposed people's thumbnails in thumbs/.
/// </summary>
/// <param name="Result">The scores.</param>
/// <param name="RunFacts">The command, wall time and cells.</param>
/// <param name="Data">The audit's data, for thumbnails of the most exposed people's forget images.</param>
public sealed record AuditReport(AuditResult Result, AuditRunFacts RunFacts, BenchmarkData Data) : Report
{
    /// <summary>The JSON file's name.</summary>
    public const string JsonFile = "audit.json";

    public override string Stem => "report";

    public override string FileName(IReportFormat format) => format.Extension == "json" ? JsonFile : base.FileName(format);

    public override string Title => $"Audit ({Result.Mode}, N = {Result.N}): {Result.Dataset} {Result.Task}, {Result.ImageSize} px";

    public override IReadOnlyList<RunFact> Facts =>
        AuditFacts.Of(Result, RunFacts).Concat(AuditFacts.Cost(Result, RunFacts)).Select(f => new RunFact(f.Name, f.Value)).ToArray();

    public override IReadOnlyList<string> Warnings => Result.Warnings;

    public override IReadOnlyList<string> Notes =>
    [
        $"Null check (retrained against retrained): {Result.Null.Verdict}",
        $"Original check (Original against retrained): {Result.Original.Verdict}",
        AuditFacts.Legend(Result),
    ];

    public override IReadOnlyList<ReportTable> Tables
    {
        get
        {
            var (scores, notes) = (AuditTable.From(Result), AuditScoreNotes.From(Result));
            var tables = new List<ReportTable> { new("Scores", scores.Columns, scores.Rows) };
            if (notes.Rows.Count > 0) tables.Add(new(AuditScoreNotes.Title, notes.Columns, notes.Rows));
            tables.Add(new("Per-identity ε across the forget identities", IdentityQuantiles.Columns, IdentityQuantiles.Rows(Result)));
            if (PersonVerdictTable.From(Result) is { } verdicts) tables.Add(new("Did each model forget each person?", verdicts.Columns, verdicts.Rows));
            return tables;
        }
    }

    /// <summary>Draws the two plots into <paramref name="folder"/>/plots/ and the exposed people's strips into thumbs/.</summary>
    public override ReportFigures DrawFigures(string folder)
    {
        var plots = Path.Combine(folder, "plots");
        Directory.CreateDirectory(plots);
        return new AuditFigures([VulnerabilityPlot.Draw(Result, plots), ForgettingQualityPlot.Draw(Result, plots)],
            ExposedPeople.Of(Result, Data, Path.Combine(folder, "thumbs")));
    }
}

/// <summary>An audit's figures: the exposure plot then the forgetting-quality plot, and the most exposed people with their strips.</summary>
public sealed record AuditFigures(IReadOnlyList<PlotImage> Plots, IReadOnlyList<ExposedPerson> Exposed) : ReportFigures
{
    public override IEnumerable<PlotImage> All => Plots;
}
