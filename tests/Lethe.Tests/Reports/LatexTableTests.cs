using Lethe.Reports;

namespace Lethe.Tests.Reports;

public class LatexTableTests
{
    [Theory]
    [InlineData("Fine-tuning", "Fine-tuning")]
    [InlineData("A & B", "A \\& B")]
    [InlineData("50% of #1_x", "50\\% of \\#1\\_x")]
    [InlineData("{$}", "\\{\\$\\}")]
    [InlineData("a\\b~c^d", "a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d")]
    public void Should_escape_the_characters_latex_reserves(string label, string escaped) =>
        Assert.Equal(escaped, LatexTable.Escape(label));

    [Fact]
    public void Should_write_a_booktabs_tabular_with_math_mode_intervals()
    {
        var tex = new LatexTable().Render(SeedSummary.From(HandMadeRun.Records()));

        Assert.Contains("\\toprule", tex);
        Assert.Contains("\\midrule", tex);
        Assert.Contains("\\bottomrule", tex);
        Assert.Contains("Test Acc & $0.400 \\pm 0.497$ &", tex);
        Assert.Contains("\\begin{tabular}{lcccc}", tex);
    }
}
