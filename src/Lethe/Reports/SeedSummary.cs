using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// The results table over several runs of one spec that differ only in their seed: the seed README's columns and rows
/// (those of <see cref="ResultsTable"/>), each cell the mean ± 95% interval with the per-seed values kept. One run gives
/// the plain table (means without intervals).
/// </summary>
public sealed record SeedSummary(IReadOnlyList<RunRecord> Runs, IReadOnlyList<string> Models, IReadOnlyList<SummaryRow> Rows)
{
    /// <summary>The seed of each run, in the order of every cell's per-seed values.</summary>
    public IReadOnlyList<long> Seeds => Runs.Select(r => r.Spec.SweepSeed).ToArray();

    public static SeedSummary From(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("a summary needs at least one run");
        // Each seed's own table decides the rows and their values, so the summary cannot drift from the single-run table.
        var tables = runs.Select(ResultsTable.From).ToArray();
        var models = tables.SelectMany(t => t.Models).Distinct().ToArray();
        var rows = tables.SelectMany(t => t.Rows).DistinctBy(r => r.Metric)
            .Select(template => new SummaryRow(template.Metric, template.Format,
                models.Select(model => CellOf(tables, template, model)).ToArray()))
            .ToArray();
        return new SeedSummary(runs, models, rows);
    }

    /// <summary>The row of <paramref name="metric"/> (see the names on <see cref="ResultsTable"/>), or null if no seed has it.</summary>
    public SummaryRow? Row(string metric) => Rows.FirstOrDefault(r => r.Metric == metric);

    public string Cell(SummaryRow row, int column) => row.Cells[column].Display(row.Format, Seeds);

    private static SummaryCell CellOf(IReadOnlyList<ResultsTable> tables, TableRow template, string model)
    {
        var found = tables.Select(t => (Row: t.Rows.FirstOrDefault(r => r.Metric == template.Metric), Column: IndexOf(t.Models, model)))
            .ToArray();
        var values = found.Select(f => f.Row is null || f.Column < 0 ? null : Finite(f.Row.Values[f.Column])).ToArray();
        if (template.Text is null) return new SummaryCell(values);
        var texts = found.Select(f => f.Column < 0 ? null : f.Row?.Text?[f.Column] ?? StatusWithoutRow(template)).ToArray();
        return new SummaryCell(values, texts);
    }

    /// <summary>A seed where nothing diverged has no Status row: each of its models is ok.</summary>
    private static string? StatusWithoutRow(TableRow template) => template.Metric == ResultsTable.StatusRow ? ResultsTable.StatusOk : null;

    /// <summary>A diverged model's NaN is no value, like a missing one; neither enters the interval.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    private static int IndexOf(IReadOnlyList<string> models, string model)
    {
        for (int i = 0; i < models.Count; i++)
            if (models[i] == model) return i;
        return -1;
    }
}
