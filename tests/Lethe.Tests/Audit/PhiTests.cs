using Lethe.Audit;
using Lethe.Evaluation;

namespace Lethe.Tests.Audit;

public class PhiTests
{
    [Fact]
    public void Should_match_the_official_logit_scaled_confidence_where_it_does_not_saturate()
    {
        var (logits, targets, expected) = EpsilonTestVector.Load().PhiCase;

        var phi = Phi.FromLogits(logits, targets);

        var (compared, largest) = (0, 0.0);
        for (var i = 0; i < phi.Length; i++)
        {
            // The official φ goes through float32 exponentials plus 1e-45 inside each log, so it stops near ±103.6 and
            // loses accuracy past |φ| ≈ 87 (rows with logits 95 or 120 apart); the exact margin rightly differs there.
            if (Math.Abs(expected[i]) >= 80) continue;
            Assert.Equal(expected[i], phi[i], 1e-6);
            (compared, largest) = (compared + 1, Math.Max(largest, Math.Abs(expected[i] - phi[i])));
        }
        Assert.Equal(13, compared);
        TestContext.Current.TestOutputHelper?.WriteLine($"φ: max |Δ| = {largest:E2} over {compared} rows");
    }

    [Fact]
    public void Should_keep_growing_with_the_margin_where_the_official_value_saturates()
    {
        // z = (120, 0, 0), y = 0: φ = 120 − log(e⁰ + e⁰) = 120 − ln 2 exactly, where the official code gives 103.6.
        Assert.Equal(120 - Math.Log(2), Phi.FromLogits([120f, 0f, 0f], 0), 1e-12);
        // y = 1: φ = 0 − log(e¹²⁰ + e⁰) = −120 − log(1 + e⁻¹²⁰), which is −120 in double.
        Assert.Equal(-120.0, Phi.FromLogits([120f, 0f, 0f], 1), 1e-12);
    }

    [Fact]
    public void Should_equal_log_odds_of_the_softmax_probability_on_a_hand_worked_row()
    {
        // z = (2, 0.5, −1), y = 0: p = e²/(e² + e^0.5 + e^−1); φ = ln p − ln(1 − p) = 2 − ln(e^0.5 + e^−1).
        var p = Math.Exp(2) / (Math.Exp(2) + Math.Exp(0.5) + Math.Exp(-1));
        Assert.Equal(Math.Log(p) - Math.Log(1 - p), Phi.FromLogits([2f, 0.5f, -1f], 0), 1e-12);
    }

    [Fact]
    public void Should_be_the_signed_logit_for_a_sigmoid_attribute()
    {
        var phi = Phi.FromSigmoidLogits(new float[,] { { 1.5f, -2f }, { 0.25f, 3f } }, new[,] { { 1, 1 }, { 0, 0 } });

        Assert.Equal(new[,] { { 1.5, -2.0 }, { -0.25, -3.0 } }, phi);
        // σ(1.5) = p: ln p − ln(1 − p) = 1.5.
        var sigmoid = 1 / (1 + Math.Exp(-1.5));
        Assert.Equal(Math.Log(sigmoid) - Math.Log(1 - sigmoid), Phi.FromSigmoidLogit(1.5f, true), 1e-12);
    }

    [Fact]
    public void Should_refuse_bad_labels_and_logits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Phi.FromLogits([1f, 2f], 2));
        Assert.Throws<ArgumentException>(() => Phi.FromLogits([1f], 0));
        Assert.Throws<ArgumentException>(() => Phi.FromLogits([1f, float.NaN], 0));
        Assert.Throws<ArgumentException>(() => Phi.FromLogits(new float[2, 3], [0]));
        Assert.Throws<ArgumentException>(() => Phi.FromSigmoidLogits(new float[1, 1], new[,] { { 2 } }));
    }
}
