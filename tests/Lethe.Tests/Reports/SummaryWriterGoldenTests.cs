using Lethe.Reports;

namespace Lethe.Tests.Reports;

public class SummaryWriterGoldenTests
{
    private static SeedSummary ThreeSeeds => SeedSummary.From(HandMadeRun.Records());

    [Fact]
    public void Should_write_the_latex_table_of_three_seeds_as_verified() =>
        Golden.AssertMatches("three-seeds.tex", new LatexTable().Render(ThreeSeeds));

    [Fact]
    public void Should_write_the_csv_of_three_seeds_as_verified() =>
        Golden.AssertMatches("three-seeds.csv", new SummaryCsv().Render(ThreeSeeds));

    [Fact]
    public void Should_write_the_markdown_of_three_seeds_as_verified() =>
        Golden.AssertMatches("three-seeds.md", new SummaryMarkdown().Render(ThreeSeeds));

    [Fact]
    public void Should_write_the_markdown_of_one_run_as_verified() =>
        Golden.AssertMatches("one-seed.md", new MarkdownReport().Render(HandMadeRun.Record(42)));

    [Fact]
    public void Should_write_the_html_of_one_run_as_verified() =>
        // The style sheet is HtmlStyle's own text; leaving it out keeps the golden file about the report's content.
        Golden.AssertMatches("one-seed.html",
            new HtmlReport().Render(SeedSummary.From([HandMadeRun.Record(42)])).Replace(HtmlStyle.Css, "/* HtmlStyle.Css */"));

    [Fact]
    public void Should_write_the_latex_table_of_one_seed_as_verified() =>
        Golden.AssertMatches("one-seed.tex", new LatexTable().Render(SeedSummary.From([HandMadeRun.Record(42)])));
}
