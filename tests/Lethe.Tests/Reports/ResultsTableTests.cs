using Lethe.Reports;

namespace Lethe.Tests.Reports;

public class ResultsTableTests
{
    [Fact]
    public void Should_show_a_dash_in_every_cell_of_a_diverged_model_and_its_step_in_the_status()
    {
        // SCRUB diverged in seed 42, yet its record holds accuracies (0.25 test), as argmax of NaN logits gives them.
        var table = ResultsTable.From(HandMadeRun.Record(42));
        int scrub = table.Models.ToList().IndexOf("SCRUB");

        Assert.All(table.Rows.Where(r => r.Metric != ResultsTable.StatusRow), r => Assert.Equal("–", r.Cell(scrub)));
        Assert.Equal("diverged at step 7", table.Rows.Single(r => r.Metric == ResultsTable.StatusRow).Cell(scrub));
        Assert.Equal("0.2800", table.Rows[0].Cell(2));
    }

    [Fact]
    public void Should_keep_a_diverged_models_reason_in_the_json()
    {
        var json = new JsonReport().Render(HandMadeRun.Record(42));
        using var dir = new Lethe.Tests.Support.TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "results.json"), json);

        var scrub = JsonReport.Read(Path.Combine(dir.Path, "results.json")).Models.Single(m => m.Label == "SCRUB");

        Assert.True(scrub.Diverged);
        Assert.Equal(7, scrub.DivergedAtStep);
        Assert.Equal("loss became non-finite at step 7 (forget)", scrub.Note);
    }

    [Fact]
    public void Should_label_peak_memory_as_the_phases_and_say_why()
    {
        var markdown = new MarkdownReport().Render(HandMadeRun.Record(1));

        Assert.Contains("| Peak memory of phase (MiB) | 1000 |", markdown);
        Assert.Contains(ReportNotes.Memory, markdown);
    }

    [Fact]
    public void Should_give_the_attacks_cross_checks_and_sizes_per_model()
    {
        var table = ResultsTable.From(HandMadeRun.SmallForgetSet(HandMadeRun.Record(1)));
        string Cell(string metric, int model) => table.Rows.Single(r => r.Metric == metric).Cell(model);

        Assert.Equal("0.7500", Cell(ResultsTable.AucRow, 0)); // A 0.70 + 0.05, as HandMadeRun sets it
        Assert.Equal("0.0200", Cell(ResultsTable.TprRow, 0));
        Assert.Equal("0.1750", Cell(ResultsTable.FoldSdRow, 1));
        Assert.Equal("14 vs 14 (under 100)", Cell(ResultsTable.AttackSizesRow, 1));
    }
}
