using System.Globalization;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>One row of the results table: a metric and its value per model (null = not applicable).</summary>
public sealed record TableRow(string Metric, IReadOnlyList<double?> Values, string Format = "F4", IReadOnlyList<string?>? Text = null)
{
    public string Cell(int column)
    {
        if (Text?[column] is { } text) return text;
        return Values[column] is { } v && !double.IsNaN(v) ? v.ToString(Format, CultureInfo.InvariantCulture) : "–";
    }
}

/// <summary>
/// The seed README's table: one column per model, rows Test Acc, Top-2 Test Acc, MIA (= the forgetting score F, as the
/// README prints it), Final Score (NoMUS); then the raw attack accuracy with its cross-checks, the other sets' accuracy,
/// and cost. A diverged model's numbers are no results, so every one of its cells is empty ("–") and only the Status row
/// speaks for it.
/// </summary>
public sealed record ResultsTable(IReadOnlyList<string> Models, IReadOnlyList<TableRow> Rows)
{
    public const string TestAccuracyRow = "Test Acc";
    public const string ForgettingRow = "MIA";
    public const string AttackAccuracyRow = "Attack Acc (A)";
    public const string FoldSdRow = "Attack fold SD";
    public const string AucRow = "Attack AUC";
    public const string TprRow = "Attack TPR @ 1% FPR";
    public const string AttackSizesRow = "Attack sizes (forget vs unseen)";
    public const string TimeRow = "Time (s)";
    public const string SpeedUpRow = "Speed-up vs Retrained";
    public const string MemoryRow = "Peak memory of phase (MiB)";

    /// <summary>The row that exists only when some model diverged; the others read <see cref="StatusOk"/>.</summary>
    public const string StatusRow = "Status";
    public const string StatusOk = "ok";

    public static ResultsTable From(RunRecord run)
    {
        var models = run.Models;
        IReadOnlyList<double?> Of(Func<ModelResult, double?> value) => models.Select(m => m.Diverged ? null : value(m)).ToArray();
        var rows = new List<TableRow> { new(TestAccuracyRow, Of(m => m.Evaluation.TestAccuracy)) };
        if (models.Any(m => m.Evaluation.Top2TestAccuracy is not null))
            rows.Add(new("Top-2 Test Acc", Of(m => m.Evaluation.Top2TestAccuracy)));
        rows.Add(new(ForgettingRow, Of(m => m.Evaluation.ForgettingScore)));
        rows.Add(new("Final Score", Of(m => m.Evaluation.Nomus)));
        rows.AddRange(AttackRows(models, Of));
        rows.Add(new("Forget Acc", Of(m => m.Evaluation.ForgetAccuracy)));
        rows.Add(new("Retain Acc", Of(m => m.Evaluation.RetainAccuracy)));
        rows.Add(new("Unseen Acc", Of(m => m.Evaluation.UnseenAccuracy)));
        var attributes = run.Models.FirstOrDefault()?.Evaluation.TestAttributeAccuracy.Count ?? 0;
        if (attributes > 1)
        {
            var names = run.Data.Task.Split('-').Skip(1).ToArray();
            for (int j = 0; j < attributes; j++)
            {
                int a = j;
                rows.Add(new($"Test Acc ({(a < names.Length ? names[a] : $"#{a + 1}")})", Of(m => m.Evaluation.TestAttributeAccuracy[a])));
            }
        }
        rows.Add(new(TimeRow, Of(m => m.Seconds), "F1"));
        rows.Add(new(SpeedUpRow, Of(m => m.Source == "base" && m.Label == "Original" ? null : m.SpeedUp), "F1"));
        rows.Add(new(MemoryRow, Of(m => m.PeakMemoryMiB), "F0"));
        if (models.Any(m => m.Diverged))
            rows.Add(new(StatusRow, Of(_ => null), Text: models.Select(m => m.Diverged ? $"diverged at step {m.DivergedAtStep}" : StatusOk).ToArray()));
        return new ResultsTable(models.Select(m => m.Label).ToArray(), rows);
    }

    /// <summary>A, then its spread over the splits and its threshold-free cross-checks on the same rows, then those rows' sizes.</summary>
    private static IEnumerable<TableRow> AttackRows(IReadOnlyList<ModelResult> models, Func<Func<ModelResult, double?>, IReadOnlyList<double?>> of)
    {
        yield return new(AttackAccuracyRow, of(m => m.Evaluation.AttackAccuracy));
        yield return new(FoldSdRow, of(m => m.Evaluation.Attack?.SplitAccuracySd));
        yield return new(AucRow, of(m => m.Evaluation.Attack?.RocAuc));
        yield return new(TprRow, of(m => m.Evaluation.Attack?.TprAtOnePercentFpr));
        yield return new(AttackSizesRow, of(_ => null), Text: models.Select(m => m.Diverged ? null : AttackNote.SizesCell(m.Evaluation)).ToArray());
    }
}
