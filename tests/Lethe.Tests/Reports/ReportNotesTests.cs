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

    private static RunRecord WithNotes(params (string Label, string Note)[] notes)
    {
        var run = HandMadeRun.Record(1);
        return run with
        {
            Models = run.Models.Select(m => notes.FirstOrDefault(n => n.Label == m.Label) is { Note: { } note } ? m with { Note = note } : m).ToArray(),
        };
    }
}
