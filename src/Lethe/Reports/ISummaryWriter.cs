namespace Lethe.Reports;

/// <summary>Writes a report of one experiment over its seeds in one format (`lethe report --format`).</summary>
public interface ISummaryWriter
{
    /// <summary>The --format name: "html", "md", "csv", "json", "latex".</summary>
    string Format { get; }

    /// <summary>The file written in the run folder when no --out is given ("report.html").</summary>
    string FileName { get; }

    string Render(SeedSummary summary);
}
