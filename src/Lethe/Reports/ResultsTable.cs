using Lethe.Experiments;
using Lethe.Numerics;

namespace Lethe.Reports;

/// <summary>One row of the results table: a metric and its value per model (null = not applicable).</summary>
public sealed record TableRow(string Metric, IReadOnlyList<double?> Values, string Format = "F4", IReadOnlyList<string?>? Text = null)
{
    public string Cell(int column)
    {
        if (Text?[column] is { } text) return text;
        return NumberText.Of(Values[column], Format);
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
    public const string RetainAccuracyRow = "Retain Acc";
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
        var rows = EvaluationRows(models, run.Data.Task).ToList();
        var of = Of(models);
        rows.Add(new(TimeRow, of(m => m.Seconds), "F1"));
        rows.Add(new(SpeedUpRow, of(m => m.Role == CellRole.Original ? null : m.SpeedUp), "F1"));
        rows.Add(new(MemoryRow, of(m => m.PeakMemoryMiB), "F0"));
        if (models.Any(m => m.Diverged))
            rows.Add(new(StatusRow, of(_ => null), Text: models.Select(m => m.Diverged ? $"diverged at step {m.DivergedAtStep}" : StatusOk).ToArray()));
        return new ResultsTable(models.Select(m => m.Label).ToArray(), rows);
    }

    /// <summary>
    /// The rows of what the evaluation measured, without cost: accuracy, the attack, NoMUS, the other sets' accuracy
    /// and, for several attributes, each one's test accuracy (<paramref name="task"/> names them, e.g. "multilabel-male-smiling-young").
    /// </summary>
    public static IReadOnlyList<TableRow> EvaluationRows(IReadOnlyList<ModelResult> models, string task)
    {
        var of = Of(models);
        var rows = new List<TableRow> { new(TestAccuracyRow, of(m => m.Evaluation.TestAccuracy)) };
        if (models.Any(m => m.Evaluation.Top2TestAccuracy is not null))
            rows.Add(new("Top-2 Test Acc", of(m => m.Evaluation.Top2TestAccuracy)));
        rows.Add(new(ForgettingRow, of(m => m.Evaluation.ForgettingScore)));
        rows.Add(new("Final Score", of(m => m.Evaluation.Nomus)));
        rows.AddRange(AttackRows(models, of));
        rows.Add(new("Forget Acc", of(m => m.Evaluation.ForgetAccuracy)));
        rows.Add(new(RetainRow(models), of(m => m.Evaluation.RetainAccuracy)));
        rows.Add(new("Unseen Acc", of(m => m.Evaluation.UnseenAccuracy)));
        rows.AddRange(MetricRows(models, of));
        if (models.Any(m => m.People is not null)) rows.AddRange(PeopleRows(models, of));
        var attributes = models.FirstOrDefault()?.Evaluation.TestAttributeAccuracy.Count ?? 0;
        if (attributes > 1)
        {
            var names = task.Split('-').Skip(1).ToArray();
            for (int j = 0; j < attributes; j++)
            {
                int a = j;
                rows.Add(new($"Test Acc ({(a < names.Length ? names[a] : $"#{a + 1}")})", of(m => m.Evaluation.TestAttributeAccuracy[a])));
            }
        }
        return rows;
    }

    /// <summary>A row's values: one per model, none for a diverged model (its numbers are no results).</summary>
    /// <summary>
    /// One row per row of each registered metric (see <see cref="Evaluation.Metrics.MetricRegistry"/>) that some model
    /// carries, in registry order: a value that does not exist is "–" (its reason is stored beside it in results.json).
    /// </summary>
    private static IEnumerable<TableRow> MetricRows(IReadOnlyList<ModelResult> models, Func<Func<ModelResult, double?>, IReadOnlyList<double?>> of) =>
        from metric in Evaluation.Metrics.MetricRegistry.All
        from row in metric.Rows
        let key = Evaluation.Metrics.MetricRegistry.Key(metric, row)
        where models.Any(m => m.Evaluation.Metrics.ContainsKey(key))
        select new TableRow(row.Label, of(m => m.Evaluation.Metrics.GetValueOrDefault(key)?.Value), row.Format);

    public const string PeopleExposedRow = "People exposed (q ≤ 0.05)";
    public const string UnseenFlaggedRow = "Unseen people flagged (control)";

    /// <summary>
    /// The per-person test against the run's pool (`--pool K`): forget people exposed and, as its control, unseen people
    /// flagged, each as "n of N" (the value kept is the share, which a summary over seeds averages).
    /// </summary>
    private static IEnumerable<TableRow> PeopleRows(IReadOnlyList<ModelResult> models, Func<Func<ModelResult, double?>, IReadOnlyList<double?>> of)
    {
        string? Text(ModelResult m, Func<PeopleExposure, double?> share, Func<PeopleExposure, string> count) =>
            m.Diverged || m.People is not { } p || share(p) is null ? null : count(p);
        yield return new(PeopleExposedRow, of(m => m.People?.ExposedShare),
            Text: models.Select(m => Text(m, p => p.ExposedShare, p => $"{p.Exposed} of {p.Forget.Count}")).ToArray());
        yield return new(UnseenFlaggedRow, of(m => m.People?.UnseenShare),
            Text: models.Select(m => Text(m, p => p.UnseenShare, p => $"{p.UnseenFlagged} of {p.Unseen.Count}")).ToArray());
    }

    private static Func<Func<ModelResult, double?>, IReadOnlyList<double?>> Of(IReadOnlyList<ModelResult> models) =>
        value => models.Select(m => m.Diverged ? null : value(m)).ToArray();

    /// <summary>
    /// "Retain Acc", or with the sample it was measured on when that was not all of retain ("Retain Acc (2000 of 8525
    /// sampled)"), so that nobody takes a sample's accuracy for the full pass.
    /// </summary>
    public static string RetainRow(IEnumerable<ModelResult> models)
    {
        var samples = models.Select(m => m.Evaluation.RetainSample).OfType<Lethe.Evaluation.RetainSample>().Where(s => !s.Whole)
            .Select(s => s.Describe()).Distinct().ToArray();
        return samples.Length == 0 ? RetainAccuracyRow : $"{RetainAccuracyRow} ({string.Join("; ", samples)})";
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
