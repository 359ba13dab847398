using Lethe.Unlearning;

namespace Lethe.Tests.Unlearning;

/// <summary>The reference's loop shapes, counted over set sizes alone (no training).</summary>
public class LoopShapeTests
{
    // MUFAC: retain 8,525 and forget 1,500; MUCAC: retain 15,750 and forget 10,183, the splits of the reference notebooks.
    [Fact]
    public void Should_tick_134_times_per_mufac_epoch_and_step_255_times_over_two_epochs()
    {
        Assert.Equal(134, LoopShapes.Sizes(8525, 64).Count());
        Assert.Equal(13, LoopShapes.Sizes(8525, 64).Last());
        Assert.Equal(255, LoopShapes.NegGradSteps(UnlearningVariant.MultiClass, false, 8525, 1500, 64, epochs: 2));
        Assert.Equal(255, LoopShapes.AdvancedNegGradSteps(UnlearningVariant.MultiClass, false, 8525, 1500, 64, epochs: 2));
    }

    [Fact]
    public void Should_skip_the_mismatched_ticks_of_the_binary_retain_clock()
    {
        // 2 × 247 ticks; forget partials at ticks 159, 319, 479 and retain partials at 246, 493 meet full batches.
        Assert.Equal(494 - 5, LoopShapes.NegGradSteps(UnlearningVariant.Binary, false, 15750, 10183, 64, epochs: 2));
    }

    [Fact]
    public void Should_take_159_full_forget_batches_per_multilabel_epoch()
    {
        Assert.Equal(318, LoopShapes.NegGradSteps(UnlearningVariant.MultiLabel, false, 15750, 10183, 64, epochs: 2));
        Assert.Equal(318, LoopShapes.AdvancedNegGradSteps(UnlearningVariant.MultiLabel, false, 15750, 10183, 64, epochs: 2));
        Assert.Equal(318, LoopShapes.AdvancedNegGradSteps(UnlearningVariant.Binary, false, 15750, 10183, 64, epochs: 2));
    }

    [Fact]
    public void Should_pass_over_full_forget_batches_with_the_unified_loop()
    {
        Assert.Equal(46, LoopShapes.NegGradSteps(UnlearningVariant.MultiClass, true, 8525, 1500, 64, epochs: 2));
        Assert.Equal(46, LoopShapes.AdvancedNegGradSteps(UnlearningVariant.MultiClass, true, 8525, 1500, 64, epochs: 2));
    }

    [Fact]
    public void Should_pair_unsir_batches_in_lockstep_until_the_forget_loader_ends()
    {
        int Pairs(int retain, int forget) => LoopShapes.Lockstep(LoopShapes.Sizes(retain, 64),
            LoopShapes.Sizes(forget, 64), 64, Sizing.Counts, Sizing.Counts).Count();
        Assert.Equal(23, Pairs(8525, 1500));
        Assert.Equal(159, Pairs(15750, 10183));
        Assert.Equal(1, Pairs(100, 1000)); // a shorter retain loader ends the pairing too
    }

    [Fact]
    public void Should_keep_equal_partial_pairs_on_the_retain_clock_as_the_reference_does()
    {
        // Retain 70 = 64 + 6 and forget 6: every tick draws a 6-sample forget batch; only the partial retain tick matches.
        var pairs = LoopShapes.RetainClock(LoopShapes.Sizes(70, 64),
            LoopShapes.NextOf(LoopShapes.CyclingSizes(6, 64)), Sizing.Counts, Sizing.Counts).ToArray();
        Assert.Equal([(6, 6)], pairs);
    }

    [Fact]
    public void Should_discard_every_skipped_batch()
    {
        var discarded = new List<int>();
        var sizing = new Sizing<int>(n => n, discarded.Add);
        var kept = LoopShapes.FullOnly(LoopShapes.Sizes(150, 64), 64, sizing).ToArray();
        Assert.Equal([64, 64], kept);
        Assert.Equal([22], discarded);
    }
}
