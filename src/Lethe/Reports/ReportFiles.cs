using Lethe.Experiments;
using Lethe.IO;
using Lethe.Reports.Audit;
using Lethe.Reports.Formats;

namespace Lethe.Reports;

/// <summary>
/// The one place that decides which files each output writes, and writes them: every report of every kind, in every
/// format, goes through <see cref="Write"/>, which draws the figures only if a format being written shows them and
/// writes each file atomically (a reader never sees half a file).
/// </summary>
public static class ReportFiles
{
    public static IReportFormat Html { get; } = new HtmlFormat();

    public static IReportFormat Markdown { get; } = new MarkdownFormat();

    public static IReportFormat Csv { get; } = new CsvFormat();

    public static IReportFormat Json { get; } = new JsonFormat();

    public static IReportFormat Latex { get; } = new LatexFormat();

    /// <summary>Every format Lethe ships, in the order `lethe report --format` lists them.</summary>
    public static IReadOnlyList<IReportFormat> Formats { get; } = [Html, Markdown, Csv, Json, Latex];

    /// <summary>The format named <paramref name="name"/> (<see cref="IReportFormat.Name"/>).</summary>
    /// <exception cref="ArgumentException">An unknown name; the message lists the known ones.</exception>
    public static IReportFormat Format(string name) => Formats.FirstOrDefault(f => f.Name == name)
        ?? throw new ArgumentException($"unknown report format '{name}'; known: {string.Join(", ", Formats.Select(f => f.Name))}");

    /// <summary>
    /// The files an output writes unless told otherwise: a run its results.json, .csv and .md (its report.html is its
    /// <see cref="SummaryReport"/>'s, see <see cref="WriteRun"/>); a summary every format; an audit audit.json,
    /// report.md and report.html; an evaluation evaluation.json and evaluation.md.
    /// </summary>
    public static IReadOnlyList<IReportFormat> DefaultsOf(Report report) => report switch
    {
        RunReport => [Json, Csv, Markdown],
        AuditReport => [Json, Markdown, Html],
        EvaluationReport => [Json, Markdown],
        People.PeopleReport => [Markdown, Csv, Html],
        _ => Formats,
    };

    /// <summary>
    /// Writes <paramref name="report"/> into <paramref name="folder"/> (created if missing) in each of
    /// <paramref name="formats"/> (default <see cref="DefaultsOf"/>), each file under <see cref="Report.FileName"/>, or
    /// the one format's file to <paramref name="file"/>. Returns the files in the order of the formats.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="file"/> given with other than one format.</exception>
    public static WrittenReport Write(Report report, string folder, IReadOnlyList<IReportFormat>? formats = null, string? file = null)
    {
        formats ??= DefaultsOf(report);
        if (file is not null && formats.Count != 1) throw new ArgumentException($"one file takes one format, not {formats.Count}", nameof(file));
        Directory.CreateDirectory(folder);
        var figures = formats.Any(f => f.ShowsFigures) ? report.DrawFigures(folder) : null;
        var written = new List<string>();
        foreach (var format in formats)
        {
            var path = file ?? Path.Combine(folder, report.FileName(format));
            AtomicFile.WriteAllText(path, format.Render(report, figures, Path.GetDirectoryName(Path.GetFullPath(path))!));
            written.Add(path);
        }
        return new WrittenReport(report, written, figures);
    }

    /// <summary>
    /// A benchmark run's folder (<see cref="ExperimentSpec.OutputDirectory"/>): results.json, .csv and .md, then
    /// report.html with its figures, made from <paramref name="run"/> as it is (not read back from results.json); with a
    /// per-person test (`--pool K`) also people.md, .csv and .html.
    /// </summary>
    public static IReadOnlyList<string> WriteRun(RunRecord run)
    {
        var folder = run.Spec.OutputDirectory;
        var people = run.Models.Any(m => m.People is not null) ? Write(new People.PeopleReport(run), folder).Files : [];
        return [.. Write(new RunReport(run), folder).Files, .. Write(SummaryReport.Of([run], folder), folder, [Html]).Files, .. people];
    }
}
