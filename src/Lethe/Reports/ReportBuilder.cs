using Lethe.IO;
using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>
/// Builds a report from a stored run folder (one run, or one sub-folder per seed) without training anything: reads
/// the results and per-model files, summarises over seeds, draws the figures into RUN_DIR/plots/ for the formats that
/// show them (html, md), and writes the report atomically.
/// </summary>
public static class ReportBuilder
{
    public static IReadOnlyList<string> Formats { get; } = ["html", "md", "csv", "json", "latex"];

    /// <summary>Writes the report to <paramref name="output"/>, or to RUN_DIR/report.&lt;ext&gt; when null.</summary>
    public static ReportOutput Build(string runDirectory, string format = "html", string? output = null)
    {
        if (!Formats.Contains(format)) throw new ArgumentException($"unknown report format '{format}'; known: {string.Join(", ", Formats)}");
        var runs = RunFolder.Read(runDirectory);
        var summary = SeedSummary.From(runs.Select(r => r.Record).ToArray());
        var plots = format is "html" or "md" ? PlotSet.Write(summary, runs, Path.Combine(runDirectory, PlotSet.Folder)) : null;
        var writer = WriterFor(format, plots, output is null ? runDirectory : Path.GetDirectoryName(Path.GetFullPath(output))!);
        var path = output ?? Path.Combine(runDirectory, writer.FileName);
        AtomicFile.WriteAllText(path, writer.Render(summary));
        return new ReportOutput(path, runs.Count, plots);
    }

    /// <summary>The summary over a stored run folder's seeds (one run: that run), as every report renders it.</summary>
    public static SeedSummary Summarise(string runDirectory) => SeedSummary.From(RunFolder.Read(runDirectory).Select(r => r.Record).ToArray());

    /// <summary>Writes the report in every one of <see cref="Formats"/> to RUN_DIR/report.&lt;ext&gt;.</summary>
    public static IReadOnlyList<ReportOutput> BuildAll(string runDirectory) => Formats.Select(f => Build(runDirectory, f)).ToArray();

    private static ISummaryWriter WriterFor(string format, PlotSet? plots, string reportDirectory) => format switch
    {
        "html" => new HtmlReport(plots),
        "md" => new SummaryMarkdown(plots, reportDirectory),
        "csv" => new SummaryCsv(),
        "json" => new SummaryJson(),
        "latex" => new LatexTable(),
        _ => throw new ArgumentException($"unknown report format '{format}'"),
    };
}
