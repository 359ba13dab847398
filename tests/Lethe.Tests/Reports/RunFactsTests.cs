using Lethe.Data;
using Lethe.Models;
using Lethe.Reports;

namespace Lethe.Tests.Reports;

public class RunFactsTests
{
    [Fact]
    public void Should_state_the_classes_a_dataset_uses_rather_than_only_the_tasks_name()
    {
        var record = HandMadeRun.Record(1);
        var threeOfEight = ClassCoverage.Of(MultiClassTask.AgeGroups, new[] { 3, 4, 5 }.Select(c => new Sample("s", "p", [c])));
        record = record with { Data = record.Data with { Classes = threeOfEight } };

        var fact = RunFacts.Of(record).Single(f => f.Name == "Classes");

        Assert.Equal("3 of 8 occur (20-30, 31-45, 46-55); chance 1/3 = 0.333", fact.Value);
        Assert.Contains($"- Classes: {fact.Value}", new MarkdownReport().Render(record));
        Assert.Contains($"<dt>Classes</dt><dd>{fact.Value}</dd>", new HtmlReport().Render(SeedSummary.From([record])));
    }
}
