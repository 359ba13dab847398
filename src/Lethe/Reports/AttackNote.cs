using System.Globalization;
using Lethe.Evaluation;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// What the reports say about the sets the attack compared, so that "0.5 = the attacker cannot tell" is printed only
/// beside numbers for which it is true: balanced sets (or MUFAC's nearly balanced 1,500 vs 1,504), never a stored run
/// whose attack compared 14 forget against 525 unseen losses.
/// </summary>
public static class AttackNote
{
    private static double Tolerance => MembershipInferenceOptions.Default.ReferenceImbalanceTolerance;

    /// <summary>Member and non-member rows the attack used, or null when it did not run. Runs stored before the balance
    /// was recorded give the forget rows used and the whole unseen set, which is what that attack compared.</summary>
    public static (int Forget, int Unseen)? Sizes(ModelEvaluation evaluation) => evaluation.Attack?.Balance is { } b
        ? (b.ForgetUsed, b.UnseenUsed)
        : evaluation.ForgetCountAttacked > 0 ? (evaluation.ForgetCountAttacked, evaluation.UnseenCount) : null;

    /// <summary>The table cell: "14 vs 14", marked when the smaller side is under the small-set threshold.</summary>
    public static string? SizesCell(ModelEvaluation evaluation)
    {
        if (Sizes(evaluation) is not (int forget, int unseen)) return null;
        var cell = $"{forget} vs {unseen}";
        return evaluation.Attack is { SmallSet: true } a ? $"{cell} (under {a.SmallSetThreshold})" : cell;
    }

    /// <summary>What A = 0.5 means on sets of these sizes: "0.5 = the attacker cannot tell forget from unseen", or, for
    /// unbalanced sets, the score an attacker gets by always answering the larger side.</summary>
    public static string Meaning(int forget, int unseen)
    {
        var share = Fraction((double)Math.Max(forget, unseen) / (forget + unseen));
        if (Math.Abs(unseen - forget) > Tolerance * Math.Min(forget, unseen))
            return $"unbalanced: always answering \"{(unseen > forget ? "non-member" : "member")}\" scores {share}, so 0.5 is not chance here";
        var floor = forget == unseen ? "" : $" (always answering \"non-member\" scores {share})";
        return $"0.5 = the attacker cannot tell forget from unseen{floor}";
    }

    /// <summary>The caption of a model's loss histogram: A with the sets it was measured on (none for a diverged model).</summary>
    public static string Caption(ModelResult model)
    {
        var evaluation = model.Evaluation;
        if (model.Diverged) return "the model diverged, so its attack accuracy is no result";
        if (!double.IsFinite(evaluation.AttackAccuracy) || Sizes(evaluation) is not (int forget, int unseen))
            return $"no attack accuracy ({evaluation.AttackNotComputed ?? "the losses were not finite"})";
        return $"attack accuracy A = {Fraction(evaluation.AttackAccuracy, "F3")} on {forget} forget vs {unseen} unseen losses; {Meaning(forget, unseen)}";
    }

    /// <summary>The report fact "Attack": the sets of each run (one line when every seed used the same), or why no model
    /// was attacked ("not computed: 5 forget vs 5 unseen images are too few: …"), or null when there is neither.</summary>
    public static RunFact? Fact(IReadOnlyList<RunRecord> runs)
    {
        var lines = runs.Select(r => (Seed: r.Spec.SweepSeed, Text: Describe(r))).Where(l => l.Text is not null).ToArray();
        if (lines.Length == 0) return null;
        var value = lines.Select(l => l.Text).Distinct().Count() == 1
            ? lines[0].Text!
            : string.Join("\n", lines.Select(l => $"seed {l.Seed}: {l.Text}"));
        return new RunFact("Attack", value);
    }

    private static string? Describe(RunRecord run)
    {
        var evaluation = run.Models.Where(m => !m.Diverged).Select(m => m.Evaluation).FirstOrDefault(e => Sizes(e) is not null);
        if (evaluation is null || Sizes(evaluation) is not (int forget, int unseen))
            return run.Models.Where(m => !m.Diverged).Select(m => m.Evaluation.AttackNotComputed).FirstOrDefault(r => r is not null) is { } why
                ? $"not computed: {why}; A, F (MIA) and NoMUS (Final Score) show \"–\""
                : null;
        var sets = $"{forget} forget vs {unseen} unseen losses per model";
        if (evaluation.Attack is not { } attack) return $"{sets} (as stored; which side was cut is not recorded); {Meaning(forget, unseen)}";
        return $"{sets} ({attack.Balance.Describe(Tolerance)}); {Meaning(forget, unseen)}; AUC and TPR at 1% FPR rank the same rows by −loss (higher = member)";
    }

    private static string Fraction(double value, string format = "F4") => value.ToString(format, CultureInfo.InvariantCulture);
}
