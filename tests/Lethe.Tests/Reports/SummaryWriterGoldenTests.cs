using Lethe.Experiments;
using Lethe.Reports;

namespace Lethe.Tests.Reports;

/// <summary>The verified files, rendered through the formats every writer uses (<see cref="IReportFormat"/>), so the
/// one exporter is what is checked byte for byte.</summary>
public class SummaryWriterGoldenTests
{
    private static SummaryReport ThreeSeeds => Summary(HandMadeRun.Records());

    private static RunReport OneRun => new(HandMadeRun.Record(42));

    /// <summary>A summary without stored losses, rendered without figures (the figures have tests of their own).</summary>
    public static SummaryReport Summary(IReadOnlyList<RunRecord> runs) => new(SeedSummary.From(runs),
        runs.Select(r => new StoredRun(".", r, new Dictionary<string, IReadOnlyDictionary<string, float[]>>())).ToArray(), ".");

    private static string Render(IReportFormat format, Report report) => format.Render(report, null, ".");

    [Fact]
    public void Should_write_the_latex_table_of_three_seeds_as_verified() =>
        Golden.AssertMatches("three-seeds.tex", Render(ReportFiles.Latex, ThreeSeeds));

    [Fact]
    public void Should_write_the_csv_of_three_seeds_as_verified() =>
        Golden.AssertMatches("three-seeds.csv", Render(ReportFiles.Csv, ThreeSeeds));

    [Fact]
    public void Should_write_the_markdown_of_three_seeds_as_verified() =>
        Golden.AssertMatches("three-seeds.md", Render(ReportFiles.Markdown, ThreeSeeds));

    [Fact]
    public void Should_write_the_markdown_of_one_run_as_verified() =>
        Golden.AssertMatches("one-seed.md", Render(ReportFiles.Markdown, OneRun));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_write_the_html_of_one_run_as_verified(bool asSummary) =>
        // The style sheet is HtmlStyle's own text; leaving it out keeps the golden file about the report's content.
        Golden.AssertMatches("one-seed.html",
            Render(ReportFiles.Html, asSummary ? Summary([HandMadeRun.Record(42)]) : OneRun).Replace(HtmlStyle.Css, "/* HtmlStyle.Css */"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Should_write_the_latex_table_of_one_seed_as_verified(bool asSummary) =>
        Golden.AssertMatches("one-seed.tex", Render(ReportFiles.Latex, asSummary ? Summary([HandMadeRun.Record(42)]) : OneRun));
}
