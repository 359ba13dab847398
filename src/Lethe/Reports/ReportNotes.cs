using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>The notes printed under a report's table, so that each format explains its rows the same way.</summary>
public static class ReportNotes
{
    public const string Metrics =
        "\"MIA\" is the forgetting score F = |A − 0.5| as the reference README prints it; A is the attack accuracy. Final Score = NoMUS = λ·Acc + (1 − λ)·(1 − 2F).";

    /// <summary>Jobs of a phase share one process, so its peak cannot be split between the models it made.</summary>
    public const string Memory =
        "Peak memory of phase: the process's peak resident memory during the phase that made the model (Original with Retrained, then all the methods, each phase's jobs side by side in one process); it is not the model's own.";

    /// <summary>
    /// What a diverged model's "–" cells mean; with several seeds, that its other seeds' values make the mean (a diverged
    /// seed's numbers are not results, so they are left out rather than averaged). Null when nothing diverged.
    /// </summary>
    public static string? Divergence(IReadOnlyList<RunRecord> runs)
    {
        var diverged = runs.SelectMany(r => r.Models.Where(m => m.Diverged).Select(m => (m.Label, Seed: r.Spec.SweepSeed))).ToArray();
        if (diverged.Length == 0) return null;
        const string cells = "A diverged model's numbers are not results: its cells show \"–\" and the Status row gives the step (the reason is kept in results.json).";
        if (runs.Count == 1) return cells;
        var which = string.Join("; ", diverged.GroupBy(d => d.Label).Select(g =>
            $"{g.Key} in seed{(g.Count() == 1 ? "" : "s")} {string.Join(", ", g.Select(d => d.Seed))}"));
        return $"{cells} Diverged: {which}. Those seeds are left out of that model's means, which are over the remaining seeds (report.csv gives n).";
    }

    /// <summary>
    /// The models their method left as they started: a loop that steps on full batches only, on a forget set smaller
    /// than one batch, or SSD selecting no weight. Their numbers are real, but they are the starting model's, not the
    /// method's effect. Null when none.
    /// </summary>
    public static string? Idle(IReadOnlyList<RunRecord> runs)
    {
        var idle = runs.SelectMany(r => r.Models).Where(m => m.IsStartingModel).ToArray();
        if (idle.Length == 0) return null;
        return string.Join(". ", idle.Select(m => $"{m.Label} {m.Note}").Distinct())
            + ". Its numbers are the starting model's, not the method's effect"
            + (idle.Any(m => m.TookNoStep) ? " (set --unlearn-batch-size below the forget set's size)." : ".");
    }

    /// <summary>
    /// What the controls in the runs are for and what they should show (`--controls`), a sentence for each present; null
    /// when none ran. Their columns are filled as the methods' are, so the note is what tells them apart.
    /// </summary>
    public static string? Controls(IReadOnlyList<RunRecord> runs)
    {
        var present = runs.SelectMany(r => r.Models).Select(m => m.Source).ToHashSet();
        var sentences = ControlPurposes.Where(c => present.Contains(c.Key)).Select(c => c.Value).ToArray();
        return sentences.Length == 0 ? null : "Controls are not unlearning methods but models whose answer is known. " + string.Join(" ", sentences);
    }

    private static readonly KeyValuePair<string, string>[] ControlPurposes =
    [
        new("head-only", "Head only (control +) is the Original with only its last layer retrained on retain: its features are the Original's, "
            + "so the probe and CKA rows show what the Original's features know of forget, however forgotten its outputs look."),
        new("retrained-other-seed", "Retrained, other seed (control −) is Retrained made again on another seed: no row should tell it from "
            + "Retrained, and how far it sits from Retrained is the noise of every comparison with Retrained."),
    ];

    /// <summary>A run made cell by cell from a plan (no wall time of its own) made each model in its own process, so
    /// the same row holds each model's peak; the row keeps its name so that every run's report.csv has the same columns.</summary>
    public const string CellMemory =
        "Peak memory of phase: this run was made cell by cell from a plan, each model in its own process, so each model's value is the peak resident memory of its own cell (Original and Retrained apart, each method alone).";

    /// <summary>The notes in order: metrics, memory, divergence, idle models and controls when any.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<RunRecord> runs) =>
        [Metrics, runs.All(r => !double.IsFinite(r.TotalSeconds)) ? CellMemory : Memory, .. new[] { Divergence(runs), Idle(runs), Controls(runs) }.OfType<string>()];
}
