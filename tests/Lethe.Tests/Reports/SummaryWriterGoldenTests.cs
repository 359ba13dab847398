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
    public void Should_write_the_latex_table_of_one_seed_as_verified() =>
        Golden.AssertMatches("one-seed.tex", new LatexTable().Render(SeedSummary.From([HandMadeRun.Record(42)])));
}
