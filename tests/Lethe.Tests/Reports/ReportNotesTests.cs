using Lethe.Experiments;
using Lethe.Reports;
using Lethe.Unlearning;

namespace Lethe.Tests.Reports;

public class ReportNotesTests
{
    private const string Stepless = "took no optimiser step: its loop skipped every batch (full batches of 64 only; the forget set has 48 images), so this model is the one it started from";
    private const string Unchanged = "changed no weight: no weight's forget importance exceeded α = 10 times its global importance, so this model is the one it started from";

    [Fact]
    public void Should_name_each_model_its_method_left_as_it_started_and_suggest_a_batch_size_only_for_one_that_took_no_step()
    {
        var both = ReportNotes.Idle([WithNotes(("Fine-tuning", Stepless, StartingModel.TookNoStep), ("SCRUB", Unchanged, StartingModel.ChangedNoWeight))]);
        var ssdOnly = ReportNotes.Idle([WithNotes(("SCRUB", Unchanged, StartingModel.ChangedNoWeight))]);

        Assert.Equal($"Fine-tuning {Stepless}. SCRUB {Unchanged}. Its numbers are the starting model's, not the method's effect (set --unlearn-batch-size below the forget set's size).", both);
        Assert.Equal($"SCRUB {Unchanged}. Its numbers are the starting model's, not the method's effect.", ssdOnly);
    }

    [Fact]
    public void Should_leave_out_models_whose_note_says_something_else()
    {
        Assert.Null(ReportNotes.Idle([WithNotes(("SCRUB", "the same for every seed: the method draws nothing at random", StartingModel.No))]));
        Assert.Null(ReportNotes.Idle(HandMadeRun.Records()));
    }

    [Fact]
    public void The_fact_is_typed_and_a_note_that_only_reads_like_it_is_no_fact()
    {
        var model = HandMadeRun.Record(1).Models[2];
        Assert.True((model with { Unchanged = StartingModel.TookNoStep }).TookNoStep);
        // A note that happens to begin with the words does not make the model idle once the fact is typed.
        Assert.False((model with { Note = Stepless, Unchanged = StartingModel.No }).IsStartingModel);
    }

    [Fact]
    public void A_result_stored_before_the_fact_was_typed_is_read_from_its_note()
    {
        var model = HandMadeRun.Record(1).Models[2] with { Note = Stepless };
        var json = System.Text.Json.JsonSerializer.Serialize(model, Lethe.IO.LetheJson.Options);
        var old = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        old.Remove(nameof(ModelResult.Unchanged)); // as session 9's Lethe wrote it
        var read = System.Text.Json.JsonSerializer.Deserialize<ModelResult>(old.ToJsonString(), Lethe.IO.LetheJson.Options)!;
        Assert.Equal(StartingModel.TookNoStep, read.Unchanged);
        var typed = System.Text.Json.JsonSerializer.Deserialize<ModelResult>(
            System.Text.Json.JsonSerializer.Serialize(model with { Unchanged = StartingModel.ChangedNoWeight }, Lethe.IO.LetheJson.Options), Lethe.IO.LetheJson.Options)!;
        Assert.Equal(StartingModel.ChangedNoWeight, typed.Unchanged);
    }

    [Fact]
    public void Should_explain_the_memory_row_as_each_cells_peak_only_when_every_run_was_made_from_a_plan()
    {
        var local = HandMadeRun.Record(1);
        var fromPlan = local with { TotalSeconds = double.NaN }; // a plan-made run has no wall time of its own

        Assert.Contains(ReportNotes.Memory, ReportNotes.Of([local]));
        Assert.Contains(ReportNotes.CellMemory, ReportNotes.Of([fromPlan]));
        Assert.DoesNotContain(ReportNotes.Memory, ReportNotes.Of([fromPlan]));
        // Mixed: some models shared a phase's process, so the phase wording (an upper bound for the others) stays.
        Assert.Contains(ReportNotes.Memory, ReportNotes.Of([local, fromPlan]));
    }

    [Fact]
    public void Should_say_what_each_control_present_is_for_and_nothing_when_none_ran()
    {
        var run = HandMadeRun.Record(1);
        var withNegative = run with { Models = [.. run.Models, run.Models[2] with { Label = "Retrained, other seed (control −)", Source = "retrained-other-seed" }] };

        var note = ReportNotes.Controls([withNegative]);

        Assert.Null(ReportNotes.Controls([run]));
        Assert.StartsWith("Controls are not unlearning methods but models whose answer is known. Retrained, other seed (control −) is Retrained made again", note);
        Assert.DoesNotContain("Head only", note);
        Assert.Contains(note, ReportNotes.Of([withNegative]));
    }

    private static RunRecord WithNotes(params (string Label, string Note, StartingModel Unchanged)[] notes)
    {
        var run = HandMadeRun.Record(1);
        return run with
        {
            Models = run.Models.Select(m => notes.FirstOrDefault(n => n.Label == m.Label) is { Note: { } note } n ? m with { Note = note, Unchanged = n.Unchanged } : m).ToArray(),
        };
    }
}
