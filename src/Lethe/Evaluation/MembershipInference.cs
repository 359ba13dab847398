using Lethe.Experiments;

namespace Lethe.Evaluation;

/// <summary>
/// The reference's loss-based membership-inference attack (spec §9.2): a logistic regression on the raw per-sample
/// loss tries to tell forget samples (members) from unseen ones (non-members); its cross-validated accuracy A is the
/// attack accuracy and F = |A − 0.5| the forgetting score.
/// </summary>
public static class MembershipInference
{
    private const string ForgetStream = "mia/forget-shuffle";

    /// <summary>Runs the attack on per-sample losses.</summary>
    /// <exception cref="ArgumentException">An empty set, or a loss that is NaN or infinite (named with its index).</exception>
    public static MembershipInferenceResult Run(
        IReadOnlyList<double> forgetLosses, IReadOnlyList<double> unseenLosses, MembershipInferenceOptions? options = null)
    {
        options ??= MembershipInferenceOptions.Default;
        RequireFinite(forgetLosses, "forget");
        RequireFinite(unseenLosses, "unseen");
        var kept = KeepForget(forgetLosses, unseenLosses.Count, options.ForgetShuffleSeed);

        // Unseen rows first, then forget rows, as the reference concatenates them.
        var features = unseenLosses.Concat(kept).ToArray();
        var labels = Enumerable.Repeat(0, unseenLosses.Count).Concat(Enumerable.Repeat(1, kept.Length)).ToArray();
        var splits = StratifiedShuffleSplit.Split(labels, options.SplitOptions);
        return Evaluate(features, labels, splits, options.C);
    }

    /// <summary>Runs the attack on float32 losses, as <see cref="Lethe.Models.PredictionTask.PerSampleLoss"/> gives them.</summary>
    public static MembershipInferenceResult Run(
        IReadOnlyList<float> forgetLosses, IReadOnlyList<float> unseenLosses, MembershipInferenceOptions? options = null) =>
        Run(forgetLosses.Select(v => (double)v).ToArray(), unseenLosses.Select(v => (double)v).ToArray(), options);

    /// <summary>
    /// The attack's cross-validation on given rows and splits: fit on each split's training rows, score on its test rows,
    /// average. Lets a caller (or a test) supply the splits, e.g. scikit-learn's.
    /// </summary>
    /// <param name="features">One loss per row.</param>
    /// <param name="labels">1 = member (forget), 0 = non-member (unseen).</param>
    /// <param name="splits">Index sets into the rows.</param>
    /// <param name="c">Inverse L2 strength of the logistic regression.</param>
    public static MembershipInferenceResult Evaluate(
        IReadOnlyList<double> features, IReadOnlyList<int> labels, IReadOnlyList<TrainTestSplit> splits, double c = 1.0)
    {
        if (splits.Count == 0) throw new ArgumentException("The attack needs at least one split.", nameof(splits));
        var regression = new LogisticRegressionOptions(c);
        var fits = new LogisticRegressionModel[splits.Count];
        var accuracies = new double[splits.Count];
        for (var s = 0; s < splits.Count; s++)
        {
            RequireIndices(splits[s], features.Count, s);
            fits[s] = LogisticRegression.Fit(Pick(features, splits[s].Train), Pick(labels, splits[s].Train), regression);
            accuracies[s] = Accuracy(fits[s], features, labels, splits[s].Test);
        }
        var attackAccuracy = accuracies.Average();
        var members = labels.Count(y => y == 1);
        return new MembershipInferenceResult(
            attackAccuracy, Math.Abs(attackAccuracy - 0.5), accuracies,
            members, labels.Count - members, LogisticRegression.Fit(features, labels, regression), fits);
    }

    /// <summary>A seeded permutation of the forget losses, cut to the unseen count (all kept when there are fewer).</summary>
    internal static double[] KeepForget(IReadOnlyList<double> forgetLosses, int unseenCount, long seed)
    {
        var shuffled = forgetLosses.ToArray();
        Permutation.Shuffle(shuffled, Seeds.Random(seed, ForgetStream));
        return shuffled[..Math.Min(shuffled.Length, unseenCount)];
    }

    private static double Accuracy(LogisticRegressionModel model, IReadOnlyList<double> features, IReadOnlyList<int> labels, IReadOnlyList<int> rows)
    {
        var correct = rows.Count(i => model.Predict(features[i]) == labels[i]);
        return (double)correct / rows.Count;
    }

    private static T[] Pick<T>(IReadOnlyList<T> values, IReadOnlyList<int> rows) => rows.Select(i => values[i]).ToArray();

    private static void RequireFinite(IReadOnlyList<double> losses, string set)
    {
        if (losses.Count == 0)
            throw new ArgumentException($"The {set} losses are empty; the attack needs samples from both sets.", set);
        for (var i = 0; i < losses.Count; i++)
            if (!double.IsFinite(losses[i]))
                throw new ArgumentException($"The {set} loss at index {i} is {losses[i]}; the attack needs finite losses.", set);
    }

    private static void RequireIndices(TrainTestSplit split, int rows, int s)
    {
        if (split.Test.Count == 0)
            throw new ArgumentException($"Split {s} has an empty test set.", "splits");
        foreach (var i in split.Train.Concat(split.Test))
            if (i < 0 || i >= rows)
                throw new ArgumentException($"Split {s} refers to row {i}, but there are {rows} rows.", "splits");
    }
}
