using Lethe.Audit;
using Lethe.Audit.Metrics;

namespace Lethe.Reports.Audit;

/// <summary>
/// Why each "–" of the audit's score table is there (a diverged model, one Original and no pool, an N too small for the
/// score, KLoM saturated in its own null), and what a shown number needs said beside it (at KLoM's cap): one line per
/// row and reason, naming the columns it covers. The reasons are the ones audit.json keeps beside each value
/// (<see cref="AuditValue.Missing"/>, <see cref="AuditValue.Note"/>); every other format prints this table under the
/// score table, the CSV as a table of its own.
/// </summary>
public static class AuditScoreNotes
{
    /// <summary>The table's heading.</summary>
    public const string Title = "Why a score is – (and notes on the scores)";

    public static IReadOnlyList<string> Columns { get; } = ["Model", "scores", "why"];

    public static AuditTable From(AuditResult result) => new(Columns, AuditTable.Labelled(result)
        .SelectMany(row => AuditTable.Shown
            .Select(score => (score.Column, Why: Why(row.Scores.Get(score.Key))))
            .Where(score => score.Why is not null)
            .GroupBy(score => score.Why!, StringComparer.Ordinal)
            .Select(group => (IReadOnlyList<string>)[row.Label, string.Join(", ", group.Select(score => score.Column)), group.Key]))
        .ToArray());

    /// <summary>Why a value is "–", or its note when it is shown; null when a shown value needs none.</summary>
    private static string? Why(AuditValue value) => AuditTable.IsShown(value)
        ? value.Note
        : string.IsNullOrEmpty(value.Missing) ? "no reason stored" : value.Missing;
}
