using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>One benchmark run: results.json (the whole record), results.csv and results.md (the table with its facts).</summary>
public sealed record RunReport(RunRecord Run) : Report
{
    public override string Stem => "results";

    public override string Title => MarkdownReport.Title(Run.Data);

    public override IReadOnlyList<RunFact> Facts => RunFacts.Of(Run);

    public override IReadOnlyList<string> Warnings => ReportWarnings.Of([Run]);

    public override IReadOnlyList<string> Notes => ReportNotes.Of([Run]);

    public override IReadOnlyList<ReportTable> Tables => [ReportTable.From("Results", ResultsTable.From(Run))];
}
