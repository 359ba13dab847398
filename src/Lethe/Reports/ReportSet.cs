using Lethe.Experiments;
using Lethe.IO;

namespace Lethe.Reports;

/// <summary>The writers a benchmark run produces by default, and writing them all atomically.</summary>
public static class ReportSet
{
    public static IReadOnlyList<IReportWriter> Default { get; } = [new JsonReport(), new CsvReport(), new MarkdownReport()];

    public static IReadOnlyList<string> WriteAll(RunRecord run, string directory)
    {
        var written = new List<string>();
        foreach (var writer in Default)
        {
            var path = Path.Combine(directory, writer.FileName);
            AtomicFile.WriteAllText(path, writer.Render(run));
            written.Add(path);
        }
        return written;
    }
}
