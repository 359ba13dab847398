using Lethe.Numerics;
namespace Lethe.Reports;

/// <summary>
/// One metric of one model over seeds: the per-seed values (in the summary's seed order, null where a seed has none)
/// and their interval; or, for a text row such as Status, the per-seed texts.
/// </summary>
public sealed record SummaryCell(IReadOnlyList<double?> PerSeed, IReadOnlyList<string?>? PerSeedText = null)
{
    /// <summary>Computed on each read, so a copy made with `with` never carries a stale interval.</summary>
    public ConfidenceInterval? Interval => ConfidenceInterval.Of(PerSeed.OfType<double>());

    /// <summary>The cell as a table shows it: "0.5120 ± 0.0130", the mean alone for one seed, a text, or "–".</summary>
    public string Display(string format, IReadOnlyList<long> seeds)
    {
        if (PerSeedText is not null) return DisplayText(seeds);
        return Interval?.Format(format) ?? "–";
    }

    /// <summary>A text every seed shares is shown once; otherwise each text with its seeds: "ok (seeds 1, 2); diverged at step 7 (seed 42)".</summary>
    private string DisplayText(IReadOnlyList<long> seeds)
    {
        var groups = PerSeedText!.Select((text, i) => (text, seed: seeds[i])).Where(p => p.text is not null).GroupBy(p => p.text!).ToArray();
        if (groups.Length == 0) return "–";
        if (groups.Length == 1) return groups[0].Key;
        return string.Join("; ", groups.Select(g => $"{g.Key} ({(g.Count() == 1 ? "seed" : "seeds")} {string.Join(", ", g.Select(p => p.seed))})"));
    }
}
