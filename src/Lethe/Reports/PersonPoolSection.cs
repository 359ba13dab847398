using System.Text;
using Lethe.Audit;
using Lethe.Numerics;

namespace Lethe.Reports;

/// <summary>
/// The per-person section of `lethe evaluate --pool` (<see cref="PersonPoolTest"/>), as the terminal, evaluation.md and
/// evaluation.json show it: what the pool was, how images were scored, the rule, a row per forget person, and the
/// unseen control.
/// </summary>
public static class PersonPoolSection
{
    public const string Heading = "Per-person test against a pool";

    /// <summary>How the test decides, in words.</summary>
    public const string Legend = "Per image, the model's φ is placed among the pool's φ (a Gaussian z in pool standard deviations, or a rank "
        + "for pools under 8); a person's score is the mean over their photos, judged against the same score over unseen people (whom "
        + "nobody trained on), so a model more confident than the pool on every face flags nobody for it; Benjamini–Hochberg q-values across "
        + "the forget people. \"exposed\": the model is more member-like on this person than on people it never saw. \"not shown exposed\" is "
        + "no proof of forgetting: the test may lack the power to see it (few photos, a small pool).";

    /// <summary>What the test can and cannot do for a person with one photo.</summary>
    public const string SinglePhotoNote = "one photo: no averaging within the person; the verdict speaks of that photo alone, with the least power";

    public static IReadOnlyList<string> Columns { get; } = ["person", "photos", "effect (pool SDs)", "p", "q", "verdict", "note"];

    /// <summary>A row per forget person, the smallest p first; null when the test did not run (<see cref="PersonPoolTest.Note"/> says why).</summary>
    public static ReportTable? Table(PersonPoolTest test) => test.Result is not { } result ? null : new ReportTable(Heading, Columns,
        result.Forget.OrderBy(p => p.P).Select(p => (IReadOnlyList<string>)
        [
            p.Identity, $"{p.Photos}", NumberText.Of(p.MeanZ, "F2"), NumberText.Of(p.P, "G3"), NumberText.Of(p.Q, "G3"), Verdict(p.Verdict),
            p.SinglePhoto ? SinglePhotoNote : "",
        ]).ToArray());

    /// <summary>The section's facts, one line each: the pool, the image score, the rule, the forget share and the unseen control.</summary>
    public static IReadOnlyList<string> Lines(PersonPoolTest test)
    {
        var pool = test.Source == PersonPoolTest.StoreSource
            ? $"Pool: {test.PoolSize} Retrained models in the results store ({test.Made} made now, {test.Reused} reused): {string.Join(", ", test.Pool)}"
            : $"Pool: {test.PoolSize} Retrained model files: {string.Join(", ", test.Pool)}";
        if (test.Result is not { } result) return [pool, $"Per-person test: – ({test.Note})"];
        var (forget, unseen) = (result.ForgetSummary, result.UnseenSummary);
        return
        [
            pool,
            $"Image score: {test.ImageScore}",
            $"Rule: {test.Rule} (Benjamini–Hochberg across the forget people)",
            $"Forget people exposed: {forget.Exposed} of {forget.People} ({NumberText.Percent(forget.ExposedShare)})"
                + (forget.SinglePhotoPeople > 0 ? $"; {forget.SinglePhotoPeople} with one photo" : ""),
            $"Unseen control: {unseen.Exposed} of {unseen.People} unseen people flagged ({NumberText.Percent(unseen.ExposedShare)}); "
                + "nobody trained on them, so a calibrated test flags few or none",
        ];
    }

    /// <summary>The section in Markdown: heading, facts, legend, table.</summary>
    public static string Markdown(PersonPoolTest test)
    {
        var text = new StringBuilder();
        text.AppendLine($"## {Heading}").AppendLine();
        foreach (var line in Lines(test)) text.AppendLine($"- {line}");
        text.AppendLine().AppendLine(Legend).AppendLine();
        if (Table(test) is { } table) text.Append(MarkdownTable.Of(table));
        return text.ToString();
    }

    public static string Verdict(PersonVerdict verdict) => verdict == PersonVerdict.Exposed ? "exposed" : "not shown exposed";
}
