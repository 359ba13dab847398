using System.Globalization;
using System.Text;

namespace Lethe.Reports;

/// <summary>
/// report.csv: one line per metric and model, ten significant digits, for analysis rather than reading: the count of seeds
/// with a value, mean, standard deviation, the 95% half-width, then one column per seed (RFC 4180 quoting).
/// </summary>
public sealed class SummaryCsv
{
    public string Render(SeedSummary summary)
    {
        var text = new StringBuilder();
        CsvText.AppendLine(text, new[] { "metric", "model", "n", "mean", "sd", "ci95_half_width" }.Concat(summary.Seeds.Select(s => $"seed_{s}")));
        foreach (var row in summary.Rows)
            for (int i = 0; i < summary.Models.Count; i++)
                CsvText.AppendLine(text, new[] { row.Metric, summary.Models[i] }.Concat(Values(row.Cells[i])));
        return text.ToString();
    }

    private static IEnumerable<string> Values(SummaryCell cell)
    {
        var ci = cell.Interval;
        var perSeed = cell.PerSeedText?.Select(t => t ?? "") ?? cell.PerSeed.Select(Number);
        return new[] { (ci?.Count ?? 0).ToString(CultureInfo.InvariantCulture), Number(ci?.Mean), Number(ci?.StandardDeviation), Number(ci?.HalfWidth) }
            .Concat(perSeed);
    }

    /// <summary>Ten significant digits: every digit a metric has, without the last-bit noise of the arithmetic.</summary>
    private static string Number(double? value) => value?.ToString("G10", CultureInfo.InvariantCulture) ?? "";
}
