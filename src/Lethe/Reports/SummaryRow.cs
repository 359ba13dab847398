namespace Lethe.Reports;

/// <summary>One metric over seeds: a cell per model, and the numeric format of its values ("F4", "F1", ...).</summary>
public sealed record SummaryRow(string Metric, string Format, IReadOnlyList<SummaryCell> Cells);
