using Lethe.Data;
using Lethe.Evaluation;
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

    [Fact]
    public void Should_list_each_reference_quirk_in_force_with_the_models_it_shaped_in_every_format()
    {
        var bnEval = Lethe.Experiments.ReferenceQuirk.BatchNormEval;
        var record = HandMadeRun.Record(1) with
        {
            Quirks = [new(bnEval.Key, bnEval.Description, ["Fine-tuning", "UNSIR Stage 1", "UNSIR Stage 2"])],
        };

        var fact = RunFacts.Of(record).Single(f => f.Name == "Reference quirks");

        Assert.Equal("BatchNorm in evaluation mode while unlearning (running statistics frozen), as the reference's MUFAC notebooks ran: "
            + "Fine-tuning, UNSIR Stage 1, UNSIR Stage 2", fact.Value);
        Assert.Contains($"- Reference quirks: {fact.Value}", new MarkdownReport().Render(record));
        Assert.Contains($"<dt>Reference quirks</dt><dd>{System.Net.WebUtility.HtmlEncode(fact.Value)}</dd>",
            new HtmlReport().Render(SeedSummary.From([record])));
        Assert.Contains($"% Reference quirks: {fact.Value}", new LatexTable().Render(SeedSummary.From([record])));
    }

    [Fact]
    public void Should_say_principled_when_no_quirk_was_in_force_and_not_recorded_for_older_runs()
    {
        var record = HandMadeRun.Record(1);

        Assert.Equal("none (principled)", RunFacts.Of(record).Single(f => f.Name == "Reference quirks").Value);
        Assert.Equal("not recorded (the run was stored before Lethe recorded them)",
            RunFacts.Of(record with { Quirks = null }).Single(f => f.Name == "Reference quirks").Value);
    }

    [Fact]
    public void Should_name_the_retain_sample_beside_every_retain_accuracy_so_it_is_not_taken_for_the_full_pass()
    {
        var record = HandMadeRun.Record(1);
        record = record with
        {
            Models = record.Models.Select(m => m with { Evaluation = m.Evaluation with { RetainSample = new RetainSample(2000, 8525) } }).ToArray(),
        };

        var fact = RunFacts.Of(record).Single(f => f.Name == "Retain");

        Assert.StartsWith("Retain Acc is measured on a seeded sample of 2000 of the 8525 retain images, the same images for every model", fact.Value);
        Assert.Contains("| Retain Acc (2000 of 8525 sampled) |", new MarkdownReport().Render(record));
        Assert.Contains("Retain Acc (2000 of 8525 sampled),", new CsvReport().Render(record));
        Assert.Contains($"<dt>Retain</dt>", new HtmlReport().Render(SeedSummary.From([record])));
    }

    [Fact]
    public void Should_say_nothing_more_of_retain_when_all_of_it_was_scored_or_the_run_predates_sampling()
    {
        var old = HandMadeRun.Record(1);
        var whole = old with
        {
            Models = old.Models.Select(m => m with { Evaluation = m.Evaluation with { RetainSample = new RetainSample(350, 350) } }).ToArray(),
        };

        foreach (var record in new[] { old, whole })
        {
            Assert.DoesNotContain(RunFacts.Of(record), f => f.Name == "Retain");
            Assert.Contains("| Retain Acc |", new MarkdownReport().Render(record));
        }
    }
}
