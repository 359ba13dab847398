using Lethe.Reports;

namespace Lethe.Tests.Reports;

public class SeedSummaryTests
{
    [Fact]
    public void Should_keep_the_seed_tables_columns_and_rows_in_order()
    {
        var summary = SeedSummary.From(HandMadeRun.Records());

        Assert.Equal(["Original", "Retrained", "Fine-tuning", "SCRUB"], summary.Models);
        Assert.Equal(["Test Acc", "Top-2 Test Acc", "MIA", "Final Score", "Attack Acc (A)", "Attack fold SD", "Attack AUC",
            "Attack TPR @ 1% FPR", "Attack sizes (forget vs unseen)", "Forget Acc", "Retain Acc", "Unseen Acc",
            "Time (s)", "Speed-up vs Retrained", "Peak memory of phase (MiB)", "Status"], summary.Rows.Select(r => r.Metric));
        Assert.Equal([1L, 2, 42], summary.Seeds);
    }

    [Fact]
    public void Should_give_each_cell_the_mean_and_interval_with_the_per_seed_values()
    {
        var summary = SeedSummary.From(HandMadeRun.Records());
        var accuracy = summary.Row("Test Acc")!.Cells[0];

        Assert.Equal([0.2, 0.4, 0.6], accuracy.PerSeed.Select(v => v!.Value));
        Assert.Equal(0.4, accuracy.Interval!.Mean, 12);
        Assert.Equal(0.49687, accuracy.Interval.HalfWidth!.Value, 5);
        Assert.Equal("0.4000 ± 0.4969", summary.Cell(summary.Row("Test Acc")!, 0));
    }

    [Fact]
    public void Should_average_a_diverged_model_over_the_seeds_that_have_a_value()
    {
        var summary = SeedSummary.From(HandMadeRun.Records());
        var scrubF = summary.Row("MIA")!.Cells[3];
        var scrubAccuracy = summary.Row("Test Acc")!.Cells[3]; // seed 42 stored 0.25, which is no result

        Assert.Null(scrubF.PerSeed[2]);
        Assert.Equal(2, scrubF.Interval!.Count);
        Assert.Equal([0.27, 0.26, null], scrubAccuracy.PerSeed);
        Assert.Equal(0.265, scrubAccuracy.Interval!.Mean, 12);
        Assert.Equal("ok (seeds 1, 2); diverged at step 7 (seed 42)", summary.Cell(summary.Row("Status")!, 3));
        Assert.Equal("ok", summary.Cell(summary.Row("Status")!, 0));
    }

    [Fact]
    public void Should_show_a_single_run_as_its_plain_values()
    {
        var summary = SeedSummary.From([HandMadeRun.Record(42)]);

        Assert.Equal("0.6000", summary.Cell(summary.Row("Test Acc")!, 0));
        Assert.Equal("diverged at step 7", summary.Cell(summary.Row("Status")!, 3));
        Assert.Equal("–", summary.Cell(summary.Row("MIA")!, 3));
    }

    [Fact]
    public void Should_count_a_model_missing_from_one_seed_over_the_others()
    {
        var records = HandMadeRun.Records().ToList();
        records[1] = records[1] with { Models = records[1].Models.Where(m => m.Label != "Fine-tuning").ToArray() };

        var summary = SeedSummary.From(records);
        var cell = summary.Row("Test Acc")!.Cells[2];

        Assert.Equal([0.29, null, 0.28], cell.PerSeed);
        Assert.Equal(2, cell.Interval!.Count);
    }
}
