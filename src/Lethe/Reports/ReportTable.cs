namespace Lethe.Reports;

/// <summary>
/// A table of a <see cref="Report"/> as printed text: a heading, the column heads (the first names the rows' own
/// column, as "Metric"), and rows of cells with as many cells as columns; "–" marks a missing value.
/// </summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A results table: one row per metric, one column per model.</summary>
    public static ReportTable From(string name, ResultsTable table) => new(name, ["Metric", .. table.Models],
        table.Rows.Select(row => (IReadOnlyList<string>)[row.Metric, .. table.Models.Select((_, i) => row.Cell(i))]).ToArray());
}
