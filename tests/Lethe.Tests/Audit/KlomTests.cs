using Lethe.Audit;

namespace Lethe.Tests.Audit;

/// <summary>KLoM against EasyDUB's own code (klom.json): bin counts are exact, so every value matches to 1e-12.</summary>
public class KlomTests
{
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData("klom_n8")]
    [InlineData("klom_n16")]
    [InlineData("klom_n100")]
    public void Should_match_easydub_per_example_and_at_the_95th_percentile(string name)
    {
        var testCase = KlomTestVector.Load().Cases.Single(c => c.Name == name);

        var klom = Klom.PerExample(testCase.Unlearned, testCase.Oracle);

        for (var i = 0; i < klom.Length; i++)
            Assert.True(Math.Abs(testCase.Klom[i] - klom[i]) <= Tolerance, $"{name} {testCase.Labels[i]}: {klom[i]} vs {testCase.Klom[i]}");
        Assert.Equal(testCase.P95, Klom.Summary(klom), Tolerance);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{name}: max |ΔKLoM| = {klom.Zip(testCase.Klom, (a, b) => Math.Abs(a - b)).Max():E2}, |Δp95| = {Math.Abs(Klom.Summary(klom) - testCase.P95):E2}");
    }

    [Fact]
    public void Should_score_an_unlearned_side_at_the_pooled_maximum_as_zero()
    {
        // Unlearned all 6, above every oracle value: 6 is the top edge, which no bin holds, so the unlearned histogram
        // is empty and KL = 0, though the two sides are as different as can be. EasyDUB's quirk, kept on purpose.
        var unlearned = new double[,] { { 6 }, { 6 }, { 6 }, { 6 } };
        var oracle = new double[,] { { -1 }, { 0 }, { 0.5 }, { 1 } };

        Assert.Equal(0, Klom.PerExample(unlearned, oracle)[0]);
    }

    [Fact]
    public void Should_floor_empty_oracle_bins_at_1e_minus_5_on_a_hand_worked_example()
    {
        // Pooled range [0, 1], bins of width 0.05. Unlearned {0, 0, 0.5, 1}: 0 and 0 in bin 1, 0.5 in bin 11, 1 (the
        // top edge) in none, so p = (2/3, 1/3). Oracle {0, 0.52, 0.9, 1}: bins 1, 11, 19, none, so q = 1/3 each in those.
        // KL = 2/3·ln((2/3)/(1/3)) + 1/3·ln((1/3)/(1/3)) = (2/3) ln 2. Moving the oracle's 0.52 to 0.3 empties its bin
        // 11, which the floor raises to 1e-5: KL = 2/3·ln 2 + 1/3·ln((1/3)/1e-5).
        var unlearned = new double[,] { { 0 }, { 0 }, { 0.5 }, { 1 } };

        Assert.Equal(2.0 / 3 * Math.Log(2), Klom.PerExample(unlearned, new double[,] { { 0 }, { 0.52 }, { 0.9 }, { 1 } })[0], 1e-14);
        Assert.Equal(2.0 / 3 * Math.Log(2) + 1.0 / 3 * Math.Log(1.0 / 3 / 1e-5),
            Klom.PerExample(unlearned, new double[,] { { 0 }, { 0.3 }, { 0.9 }, { 1 } })[0], 1e-12);
    }

    [Fact]
    public void Should_reach_the_cap_only_where_the_binned_phi_do_not_overlap()
    {
        // Oracle {5, 6, 7} (7, the pooled maximum, in no bin), bins of width 0.35 from 0. Unlearned {0, 0.1, 0.2}: one
        // bin, no oracle φ in it, KL = ln(1/1e-5), the cap. {0, 0.1, 3}: a second bin of its own for one model,
        // KL = cap − H(1/3). {0, 5.1, 6.1}: two of three share the oracle's bins, KL = ⅓·ln(⅓·1e5) + ⅔·ln(⅔), far below.
        var oracle = new double[,] { { 5 }, { 6 }, { 7 } };
        double Of(params double[] phi) => Klom.PerExample(new double[,] { { phi[0] }, { phi[1] }, { phi[2] } }, oracle)[0];
        double H(double x) => -(x * Math.Log(x) + (1 - x) * Math.Log(1 - x));

        Assert.Equal(Math.Log(1e5), Klom.Cap, 1e-12);
        Assert.Equal(Klom.Cap, Of(0, 0.1, 0.2), 1e-12);
        Assert.Equal(Klom.Cap - H(1.0 / 3), Of(0, 0.1, 3), 1e-12);
        Assert.Equal(Math.Log(1e5 / 3) / 3 + 2.0 / 3 * Math.Log(2.0 / 3), Of(0, 5.1, 6.1), 1e-12);
        Assert.True(Klom.AtCap(Of(0, 0.1, 0.2), 3));
        Assert.True(Klom.AtCap(Of(0, 0.1, 3), 3));
        Assert.False(Klom.AtCap(Of(0, 5.1, 6.1), 3));
    }

    [Fact]
    public void Should_count_as_at_the_cap_what_no_example_with_a_shared_bin_can_reach()
    {
        // (1 − 1/n)(Cap + ln(1 − 1/n)): one model's φ of n in a bin with an oracle φ, the others in one bin of their own.
        Assert.Equal(2.0 / 3 * (Klom.Cap + Math.Log(2.0 / 3)), Klom.MostWithOverlap(3), 1e-12);
        Assert.Equal(7.0 / 8 * (Klom.Cap + Math.Log(7.0 / 8)), Klom.MostWithOverlap(8), 1e-12);
        Assert.Equal(0, Klom.MostWithOverlap(1));
        Assert.True(Klom.AtCap(Klom.MostWithOverlap(8) + 1e-9, 8));
        Assert.False(Klom.AtCap(Klom.MostWithOverlap(8), 8));
        Assert.True(Klom.AtCap(9, 4));
        Assert.False(Klom.AtCap(9, 16));
        // The largest KLoM with a shared bin that 4 models a side can give: the oracle's top φ in no bin (m = 3), one
        // unlearned φ of 4 in a bin with one of the oracle's, the other three in a bin of their own.
        var shared = Klom.PerExample(new double[,] { { 0 }, { 0.01 }, { 0.02 }, { 5 } }, new double[,] { { 5.01 }, { 8 }, { 9 }, { 10 } })[0];
        Assert.Equal(0.75 * (Klom.Cap + Math.Log(0.75)) + 0.25 * Math.Log(0.25 * 3), shared, 1e-12);
        Assert.False(Klom.AtCap(shared, 4));
    }

    [Fact]
    public void Should_refuse_other_shapes_and_non_finite_phi()
    {
        Assert.Throws<ArgumentException>(() => Klom.PerExample(new double[3, 2], new double[3, 1]));
        Assert.Throws<ArgumentException>(() => Klom.PerExample(new double[,] { { double.PositiveInfinity } }, new double[1, 1]));
    }
}
