using Lethe.Audit;

namespace Lethe.Tests.Audit;

public class ULiraTests
{
    private static readonly double HalfLn2 = Math.Log(2) / 2;

    [Fact]
    public void Should_score_each_held_out_model_by_the_log_likelihood_ratio_worked_by_hand()
    {
        // One example; unlearned φ {1, 2, 3}, retrained φ {−1, 0, 1}. Every Gaussian is fitted to its pool less one model:
        // the held-out model from its own pool, the model of the same index from the other. Here both fits of a score
        // have the same variance, so ℓ(x; μ, σ²) = −½(ln 2π + ln σ² + (x − μ)²/σ²) leaves LLR = ((x − μ_r)² − (x − μ_u)²)/2σ².
        // Unlearned 1: {2, 3} μ = 2.5, σ² = 0.5 against {0, 1} μ = 0.5: (0.25 − 2.25)/1 = −2.
        // Unlearned 2: {1, 3} μ = 2, σ² = 2 against {−1, 1} μ = 0: (4 − 0)/4 = 1.
        // Unlearned 3: {1, 2} μ = 1.5, σ² = 0.5 against {−1, 0} μ = −0.5: (12.25 − 2.25)/1 = 10.
        // The retrained ones follow by symmetry (φ ↦ 1 − φ swaps the pools): −10, −1, 2.
        var result = ULira.Attack(Column(1, 2, 3), Column(-1, 0, 1));

        Assert.Equal(-2, result.UnlearnedScores[0, 0], 1e-12);
        Assert.Equal(1, result.UnlearnedScores[1, 0], 1e-12);
        Assert.Equal(10, result.UnlearnedScores[2, 0], 1e-12);
        Assert.Equal(-10, result.RetrainedScores[0, 0], 1e-12);
        Assert.Equal(-1, result.RetrainedScores[1, 0], 1e-12);
        Assert.Equal(2, result.RetrainedScores[2, 0], 1e-12);
    }

    [Fact]
    public void Should_run_from_three_models_a_side_and_say_why_not_at_two()
    {
        Assert.Equal("U-LiRA needs at least 3 models a side (each Gaussian is fitted to its pool less one model); this comparison has 2",
            ULira.Unresolved(2));
        Assert.Null(ULira.Unresolved(3));
        Assert.Throws<ArgumentException>(() => ULira.Attack(Column(1, 2), Column(-1, 0)));
    }

    [Fact]
    public void Should_pool_the_hand_worked_scores_into_auc_and_accuracies()
    {
        // Positives {−2, 1, 10}, negatives {−10, −1, 2}: 6 of the 9 pairs are ordered right, so AUC = 2/3.
        // Threshold 0 keeps two of each side right: balanced accuracy 2/3, and no threshold does better (above 2:
        // (1/3 + 1)/2; between −1 and 1: (2/3 + 2/3)/2; below −2: (1 + 1/3)/2). With no false positive allowed, TPR = 1/3.
        var pooled = ULira.Attack(Column(1, 2, 3), Column(-1, 0, 1)).Pooled;

        Assert.Equal(2.0 / 3, pooled.Auc, 1e-12);
        Assert.Equal(2.0 / 3, pooled.BalancedAccuracy, 1e-12);
        Assert.Equal(2.0 / 3, pooled.BestBalancedAccuracy, 1e-12);
        Assert.Equal(1.0 / 3, pooled.TprAt1PercentFpr, 1e-12);
        Assert.Equal(1.0 / 3, pooled.TprAtTenthPercentFpr, 1e-12);
        Assert.Equal((3, 3), (pooled.Positives, pooled.Negatives));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(3, 5)]
    public void Should_stay_at_chance_on_pure_noise_with_a_few_models_a_side(int unlearnedModels, int retrainedModels)
    {
        // The plain leave-one-out fit (own pool less one model, the other whole) gives 0.37 here at 3 a side: both fits
        // less one model make a positive's score and a negative's identically distributed. 3,000 examples: the AUC's
        // spread over such audits is about 0.005, so 0.03 is six of them.
        var random = new Random(21);
        var (unlearned, retrained) = (new double[unlearnedModels, 3000], new double[retrainedModels, 3000]);
        for (var e = 0; e < 3000; e++)
        {
            var mean = 4 * random.NextDouble();
            for (var m = 0; m < unlearnedModels; m++) unlearned[m, e] = mean + Normal(random);
            for (var m = 0; m < retrainedModels; m++) retrained[m, e] = mean + Normal(random);
        }

        var pooled = ULira.Attack(unlearned, retrained).Pooled;

        Assert.InRange(pooled.Auc, 0.47, 0.53);
        Assert.InRange(pooled.BalancedAccuracy, 0.47, 0.53);
    }

    [Fact]
    public void Should_find_a_shift_of_two_standard_deviations_with_three_models_a_side()
    {
        // The positive control of the small-pool null above: unlearned φ two standard deviations above retrained. Fits to
        // two models are poor, so the attack is weak at this size: simulated, its AUC is 0.59 at one SD, 0.72 at two.
        var random = new Random(22);
        var (unlearned, retrained) = (new double[3, 3000], new double[3, 3000]);
        for (var e = 0; e < 3000; e++)
        {
            var mean = 4 * random.NextDouble();
            for (var m = 0; m < 3; m++) (unlearned[m, e], retrained[m, e]) = (mean + 2 + Normal(random), mean + Normal(random));
        }

        Assert.InRange(ULira.Attack(unlearned, retrained).Pooled.Auc, 0.68, 0.76);
    }

    [Fact]
    public void Should_stay_at_chance_when_both_pools_come_from_one_distribution()
    {
        // 32 + 32 models, 200 examples, every φ from N(μ_example, 1): 6,400 scores a side, so AUC's standard error is
        // about 0.005 and 0.03 is six of them.
        var random = new Random(12);
        var (unlearned, retrained) = (new double[32, 200], new double[32, 200]);
        for (var e = 0; e < 200; e++)
        {
            var mean = 4 * random.NextDouble();
            for (var m = 0; m < 32; m++) (unlearned[m, e], retrained[m, e]) = (mean + Normal(random), mean + Normal(random));
        }

        var pooled = ULira.Attack(unlearned, retrained).Pooled;

        Assert.InRange(pooled.Auc, 0.47, 0.53);
        Assert.InRange(pooled.BalancedAccuracy, 0.47, 0.53);
        Assert.InRange(pooled.TprAt1PercentFpr, 0, 0.03);
    }

    [Fact]
    public void Should_tell_pools_apart_when_their_phi_is_far_apart()
    {
        // Means 10 standard deviations apart: every positive scores near +50 and every negative near −50, so even the
        // 0.1%-FPR threshold (no false positive among 800 negatives) takes every positive.
        var random = new Random(13);
        var (unlearned, retrained) = (new double[16, 50], new double[16, 50]);
        for (var e = 0; e < 50; e++)
            for (var m = 0; m < 16; m++) (unlearned[m, e], retrained[m, e]) = (10 + Normal(random), Normal(random));

        var result = ULira.Attack(unlearned, retrained);

        Assert.Equal(1.0, result.Pooled.Auc);
        Assert.Equal(1.0, result.Pooled.BalancedAccuracy);
        Assert.Equal(1.0, result.Pooled.TprAtTenthPercentFpr);
        Assert.All(result.PerExampleAuc, auc => Assert.Equal(1.0, auc));
    }

    [Fact]
    public void Should_keep_scores_finite_when_a_pool_is_constant()
    {
        // A seed-independent method: every unlearned model gives φ = 2. The variance floor keeps the density finite and
        // the held-out unlearned models, sitting exactly on μ_u, score far above any retrained one.
        var result = ULira.Attack(Column(2, 2, 2, 2), Column(0.5, 1.5, 2.5, 3.5));

        Assert.All(result.UnlearnedScores.Cast<double>().Concat(result.RetrainedScores.Cast<double>()),
            s => Assert.True(double.IsFinite(s)));
        Assert.Equal(1.0, result.Pooled.Auc);
    }

    [Fact]
    public void Should_refuse_pools_too_small_to_leave_one_out()
    {
        Assert.Throws<ArgumentException>(() => ULira.Attack(Column(1, 2), Column(1, 2, 3)));
        Assert.Throws<ArgumentException>(() => ULira.Attack(new double[3, 2], new double[3, 1]));
        Assert.Throws<ArgumentException>(() => ULira.Attack(Column(1, 2, 3), Column(1, 2, 3), new ULiraOptions(0)));
    }

    private static double[,] Column(params double[] phi)
    {
        var matrix = new double[phi.Length, 1];
        for (var m = 0; m < phi.Length; m++) matrix[m, 0] = phi[m];
        return matrix;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
