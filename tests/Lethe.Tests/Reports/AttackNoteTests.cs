using Lethe.Evaluation;
using Lethe.Reports;

namespace Lethe.Tests.Reports;

public class AttackNoteTests
{
    [Fact]
    public void Should_call_half_chance_only_beside_balanced_sets()
    {
        Assert.Equal("0.5 = the attacker cannot tell forget from unseen", AttackNote.Meaning(175, 175));
        // MUFAC's published sets: within the tolerance, with the floor they allow stated.
        Assert.Equal("0.5 = the attacker cannot tell forget from unseen (always answering \"non-member\" scores 0.5007)",
            AttackNote.Meaning(1500, 1504));
        // What a run stored before balancing compared: 525/539 = 0.9740.
        Assert.Equal("unbalanced: always answering \"non-member\" scores 0.9740, so 0.5 is not chance here", AttackNote.Meaning(14, 525));
    }

    [Fact]
    public void Should_caption_a_histogram_with_the_sets_its_accuracy_was_measured_on()
    {
        var balanced = HandMadeRun.SmallForgetSet(HandMadeRun.Record(1)).Models[0];
        var stored = balanced with { Evaluation = balanced.Evaluation with { Attack = null, AttackAccuracy = 0.974 } };
        var diverged = HandMadeRun.Record(42).Models[3];

        Assert.Equal("attack accuracy A = 0.700 on 14 forget vs 14 unseen losses; 0.5 = the attacker cannot tell forget from unseen",
            AttackNote.Caption(balanced));
        Assert.Equal("attack accuracy A = 0.974 on 14 forget vs 525 unseen losses; unbalanced: always answering \"non-member\" scores 0.9740, so 0.5 is not chance here",
            AttackNote.Caption(stored));
        Assert.Equal("the model diverged, so its attack accuracy is no result", AttackNote.Caption(diverged));
    }

    [Fact]
    public void Should_mark_a_small_set_in_the_sizes_cell()
    {
        var small = HandMadeRun.SmallForgetSet(HandMadeRun.Record(1)).Models[0].Evaluation;

        Assert.Equal("14 vs 14 (under 100)", AttackNote.SizesCell(small));
        Assert.Equal("175 vs 175", AttackNote.SizesCell(HandMadeRun.Record(1).Models[0].Evaluation));
    }

    [Fact]
    public void Should_say_which_side_was_cut_and_from_how_many()
    {
        var fact = AttackNote.Fact([HandMadeRun.SmallForgetSet(HandMadeRun.Record(1))]);

        Assert.Equal("14 forget vs 14 unseen losses per model (unseen cut at random from 525 to the forget count); "
            + "0.5 = the attacker cannot tell forget from unseen; AUC and TPR at 1% FPR rank the same rows by −loss (higher = member)", fact!.Value);
    }

    [Fact]
    public void Should_say_why_no_model_was_attacked_in_the_caption_and_the_attack_fact()
    {
        // Given a run whose forget set was too small for the attack's splits: no A, F or NoMUS, and the reason
        const string why = "5 forget vs 5 unseen images are too few: each of its 10 splits tests ⌈10% of 10⌉ = 1 row, which cannot hold a forget and an unseen one (at least 6 images a side are needed)";
        var run = HandMadeRun.Record(1);
        run = run with
        {
            Models = run.Models.Select(m => m with
            {
                Evaluation = m.Evaluation with
                {
                    AttackAccuracy = double.NaN, ForgettingScore = double.NaN, Nomus = double.NaN, ForgetCountAttacked = 0,
                    Attack = null, AttackNotComputed = why,
                },
            }).ToArray(),
        };

        Assert.Equal($"no attack accuracy ({why})", AttackNote.Caption(run.Models[0]));
        Assert.Equal($"not computed: {why}; A, F (MIA) and NoMUS (Final Score) show \"–\"", AttackNote.Fact([run])!.Value);
    }
}
