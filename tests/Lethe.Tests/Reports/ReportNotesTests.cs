using Lethe.Experiments;
using Lethe.Reports;
using Lethe.Unlearning;

namespace Lethe.Tests.Reports;

public class ReportNotesTests
{
    private const string Stepless = UnlearningLoop.NoStep + ": its loop skipped every batch (full batches of 64 only; the forget set has 48 images), so this model is the one it started from";
    private const string Unchanged = UnlearningLoop.NoChange + ": no weight's forget importance exceeded α = 10 times its global importance, so this model is the one it started from";

    [Fact]
    public void Should_name_each_model_its_method_left_as_it_started_and_suggest_a_batch_size_only_for_one_that_took_no_step()
    {
        var both = ReportNotes.Idle([WithNotes(("Fine-tuning", Stepless), ("SCRUB", Unchanged))]);
        var ssdOnly = ReportNotes.Idle([WithNotes(("SCRUB", Unchanged))]);

        Assert.Equal($"Fine-tuning {Stepless}. SCRUB {Unchanged}. Its numbers are the starting model's, not the method's effect (set --unlearn-batch-size below the forget set's size).", both);
        Assert.Equal($"SCRUB {Unchanged}. Its numbers are the starting model's, not the method's effect.", ssdOnly);
    }

    [Fact]
    public void Should_leave_out_models_whose_note_says_something_else()
    {
        Assert.Null(ReportNotes.Idle([WithNotes(("SCRUB", "the same for every seed: the method draws nothing at random"))]));
        Assert.Null(ReportNotes.Idle(HandMadeRun.Records()));
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

    private static RunRecord WithNotes(params (string Label, string Note)[] notes)
    {
        var run = HandMadeRun.Record(1);
        return run with
        {
            Models = run.Models.Select(m => notes.FirstOrDefault(n => n.Label == m.Label) is { Note: { } note } ? m with { Note = note } : m).ToArray(),
        };
    }
}
