using Lethe.Evaluation;

namespace Lethe.Audit;

/// <summary>
/// U-LiRA, the per-example likelihood-ratio unlearning attack of Hayes et al., "Inexact unlearning needs more careful
/// evaluations to avoid a false sense of privacy" (2024, arXiv 2403.01218), run leave-one-out over the audit's own
/// models: no separate shadow models are needed.
/// </summary>
/// <remarks>
/// For each example and each held-out model, one Gaussian is fitted to φ over the other unlearned models and one over
/// the other retrained models. The held-out model leaves its own pool, and the other pool leaves out one model too (its
/// model of the same index, modulo its size), so that both Gaussians are always fitted to one model fewer than their pool
/// holds, for a positive and a negative alike. Under the null (every model's φ drawn from one distribution) a positive's
/// score and a negative's are then the same function of the same number of independent draws, so they are identically
/// distributed and the AUC is 0.5 in expectation at any pool size. Leaving only the held-out model out (the plain
/// leave-one-out) fits a positive's own pool to n − 1 models and the other to n: the smaller fit predicts a fresh φ
/// worse, so positives score low and pure noise gives an AUC of 0.37 at 3 models a side (0.44 at 4, 0.48 at 6; 100
/// simulated audits of 100 examples each), which a null check reads as the pools being told apart.
/// The model's score is log N(φ; μ_u, σ_u²) − log N(φ; μ_r, σ_r²): positive means its φ looks like that of a model that
/// trained on the example and then unlearned it, negative like one that never saw it. Scores are pooled over models and
/// examples, held-out unlearned models being the positives and held-out retrained ones the negatives. Variances are
/// unbiased sample variances with a floor (<see cref="ULiraOptions"/>). A forgetting method that works leaves the attack
/// at chance: AUC and balanced accuracy 0.5, TPR equal to FPR.
/// </remarks>
public static class ULira
{
    /// <summary>
    /// The fewest models a side the attack runs on: every Gaussian is fitted to its pool less one model, and a sample
    /// variance needs two. With fewer, its scores are missing with <see cref="Unresolved"/>'s reason.
    /// </summary>
    public const int MinimumModels = 3;

    /// <summary>Why the attack does not run on pools of <paramref name="models"/> models a side, or null when it does.</summary>
    public static string? Unresolved(int models) => models < MinimumModels
        ? $"U-LiRA needs at least {MinimumModels} models a side (each Gaussian is fitted to its pool less one model); this comparison has {models}"
        : null;

    /// <summary>Runs the attack.</summary>
    /// <param name="unlearned">φ, N_u × E, of the unlearned models (N_u ≥ 3: a held-out model leaves 2 to fit).</param>
    /// <param name="retrained">φ, N_r × E, of the retrained models (N_r ≥ 3; N_r may differ from N_u).</param>
    /// <param name="options">The variance floor; <see cref="ULiraOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">Fewer than 3 models on a side, example counts that differ, no example, a φ
    /// that is not finite, or bad options.</exception>
    public static ULiraResult Attack(double[,] unlearned, double[,] retrained, ULiraOptions? options = null)
    {
        options ??= ULiraOptions.Default;
        options.Validate();
        PhiMatrix.RequireSameExamples(unlearned, retrained, nameof(unlearned), nameof(retrained));
        PhiMatrix.RequireModels(unlearned, MinimumModels, nameof(unlearned), "leave-one-out U-LiRA");
        PhiMatrix.RequireModels(retrained, MinimumModels, nameof(retrained), "leave-one-out U-LiRA");
        if (unlearned.GetLength(1) == 0) throw new ArgumentException("U-LiRA needs at least one example.", nameof(unlearned));
        PhiMatrix.RequireFinite(unlearned, nameof(unlearned));
        PhiMatrix.RequireFinite(retrained, nameof(retrained));

        var unlearnedScores = new double[unlearned.GetLength(0), unlearned.GetLength(1)];
        var retrainedScores = new double[retrained.GetLength(0), retrained.GetLength(1)];
        var perExampleAuc = new double[unlearned.GetLength(1)];
        for (var example = 0; example < perExampleAuc.Length; example++)
        {
            var u = PhiMatrix.Column(unlearned, example);
            var r = PhiMatrix.Column(retrained, example);
            var (positives, negatives) = ScoreExample(u, r, options.VarianceFloor);
            for (var m = 0; m < positives.Length; m++) unlearnedScores[m, example] = positives[m];
            for (var m = 0; m < negatives.Length; m++) retrainedScores[m, example] = negatives[m];
            perExampleAuc[example] = RocCurve.Of(positives, negatives).Area;
        }
        var pooled = AttackMetrics.Of(Flatten(unlearnedScores), Flatten(retrainedScores));
        return new ULiraResult(unlearnedScores, retrainedScores, pooled, perExampleAuc);
    }

    /// <summary>The score of every held-out unlearned model (positives) and retrained model (negatives) on one example,
    /// every Gaussian fitted to its pool less one model.</summary>
    internal static (double[] Positives, double[] Negatives) ScoreExample(double[] unlearned, double[] retrained, double varianceFloor)
    {
        var unlearnedPool = new GaussianPool(unlearned, varianceFloor);
        var retrainedPool = new GaussianPool(retrained, varianceFloor);
        var positives = unlearned.Select((x, m) =>
            LogLikelihoodRatio(x, unlearnedPool.Without(x), retrainedPool.Without(retrained[m % retrained.Length]))).ToArray();
        var negatives = retrained.Select((x, m) =>
            LogLikelihoodRatio(x, unlearnedPool.Without(unlearned[m % unlearned.Length]), retrainedPool.Without(x))).ToArray();
        return (positives, negatives);
    }

    private static double LogLikelihoodRatio(double phi, Gaussian unlearned, Gaussian retrained) =>
        unlearned.LogDensity(phi) - retrained.LogDensity(phi);

    private static double[] Flatten(double[,] scores) => scores.Cast<double>().ToArray();
}
