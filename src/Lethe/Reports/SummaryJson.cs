using System.Globalization;
using System.Text.Json;
using Lethe.Experiments;
using Lethe.IO;

namespace Lethe.Reports;

/// <summary>
/// report.json: the summary with every per-seed value, keyed by seed, plus the spec and each seed's provenance, so the
/// file stands alone. Each seed's full record (histories, settings) stays in its own results.json.
/// </summary>
public sealed class SummaryJson
{
    public string Render(SeedSummary summary) => JsonSerializer.Serialize(Document(summary), LetheJson.Options);

    private static object Document(SeedSummary summary) => new
    {
        summary.Seeds,
        Interval = "mean ± t(0.975, n − 1)·sd/√n over the seeds with a value",
        Warnings = ReportWarnings.Of(summary.Runs),
        Notes = ReportNotes.Of(summary.Runs),
        Spec = summary.Runs[0].Spec with { Seed = 0 },
        summary.Runs[0].Quirks,
        summary.Runs[0].Data,
        Runs = summary.Runs.Select(r => new { r.Spec.SweepSeed, r.ResultHash, r.TotalSeconds, r.Provenance }),
        summary.Models,
        Rows = summary.Rows.Select(row => new
        {
            row.Metric,
            Cells = row.Cells.Select((cell, i) => Cell(summary.Models[i], cell, summary.Seeds)),
        }),
    };

    private static object Cell(string model, SummaryCell cell, IReadOnlyList<long> seeds) => new
    {
        Model = model,
        Count = cell.Interval?.Count ?? 0,
        cell.Interval?.Mean,
        cell.Interval?.StandardDeviation,
        HalfWidth95 = cell.Interval?.HalfWidth,
        PerSeed = seeds.Select((s, i) => (Seed: Key(s), Value: cell.PerSeed[i])).ToDictionary(p => p.Seed, p => p.Value),
        PerSeedText = cell.PerSeedText is { } texts ? seeds.Select((s, i) => (Seed: Key(s), Text: texts[i])).ToDictionary(p => p.Seed, p => p.Text) : null,
    };

    private static string Key(long seed) => seed.ToString(CultureInfo.InvariantCulture);
}
