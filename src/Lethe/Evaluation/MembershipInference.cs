namespace Lethe.Evaluation;

/// <summary>
/// The reference's loss-based membership-inference attack (<c>cal_mia()</c> in the ndb796/MachineUnlearning
/// notebooks): a logistic regression on the raw per-sample
/// loss tries to tell forget samples (members) from unseen ones (non-members); its cross-validated accuracy A is the
/// attack accuracy and F = |A − 0.5| the forgetting score. Unlike the reference, the larger side is cut to the smaller
/// whichever it is (<see cref="AttackBalance.Plan"/>), so A = 0.5 means "cannot tell" at any set size.
/// </summary>
public static class MembershipInference
{
    /// <summary>Runs the attack on per-sample losses.</summary>
    /// <exception cref="ArgumentException">An empty set, or a loss that is NaN or infinite (named with its index).</exception>
    public static MembershipInferenceResult Run(
        IReadOnlyList<double> forgetLosses, IReadOnlyList<double> unseenLosses, MembershipInferenceOptions? options = null)
    {
        options ??= MembershipInferenceOptions.Default;
        RequireFinite(forgetLosses, "forget");
        RequireFinite(unseenLosses, "unseen");
        var balance = AttackBalance.Plan(forgetLosses.Count, unseenLosses.Count, options.ReferenceImbalanceTolerance);
        var (members, nonMembers) = AttackSampler.Draw(forgetLosses, unseenLosses, balance, options.SubsampleSeed);

        // Unseen rows first, then forget rows, as the reference concatenates them.
        var features = nonMembers.Concat(members).ToArray();
        var labels = Enumerable.Repeat(0, nonMembers.Length).Concat(Enumerable.Repeat(1, members.Length)).ToArray();
        var splits = StratifiedShuffleSplit.Split(labels, options.SplitOptions);
        return Evaluate(features, labels, splits, options.C) with { Balance = balance };
    }

    /// <summary>Runs the attack on float32 losses, as <see cref="Lethe.Models.PredictionTask.PerSampleLoss"/> gives them.</summary>
    public static MembershipInferenceResult Run(
        IReadOnlyList<float> forgetLosses, IReadOnlyList<float> unseenLosses, MembershipInferenceOptions? options = null) =>
        Run(forgetLosses.Select(v => (double)v).ToArray(), unseenLosses.Select(v => (double)v).ToArray(), options);

    /// <summary>
    /// The attack's cross-validation on given rows and splits: fit on each split's training rows, score on its test rows,
    /// average; the ROC AUC and TPR at 1% FPR over all rows. Lets a caller (or a test) supply the splits, e.g.
    /// scikit-learn's. The rows are used as given (nothing subsampled).
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
        var nonMembers = labels.Count - members;
        // Members have lower loss, so −loss is the score that ranks them first.
        var scores = features.Select(loss => -loss).ToArray();
        return new MembershipInferenceResult(
            attackAccuracy, Math.Abs(attackAccuracy - 0.5), accuracies,
            members, nonMembers, LogisticRegression.Fit(features, labels, regression), fits,
            RocCurve.Auc(scores, labels), RocCurve.TruePositiveRateAt(scores, labels, MembershipInferenceOptions.LowFalsePositiveRate),
            new AttackBalance(members, nonMembers, members, nonMembers, SubsampledSide.None));
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
