using System.CommandLine;
using Lethe.Reports;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe report RUN_DIR`: a report from a stored run (one run or one sub-folder per seed), without retraining.</summary>
internal static class ReportCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var runDirectory = new Argument<string>("RUN_DIR") { Description = "A run folder written by `lethe benchmark` (results.json), or a folder of seed-<n>/ run folders" };
        var names = ReportFiles.Formats.Select(f => f.Name).ToArray();
        var format = new Option<string>("--format") { Description = $"Report format: {string.Join(", ", names)}", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong(names);
        var output = new Option<string?>("--out") { Description = "File to write (default RUN_DIR/report.<html|md|csv|json|tex>)", HelpName = "FILE" };

        var command = new Command("report", "Build a report (tables with 95% intervals over seeds, figures, provenance) from a stored run.")
        {
            runDirectory, format, output,
        };
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(output) is { } path ? OutputPaths.File("--out", path) : null;
            var report = SummaryReport.Read(parsed.GetValue(runDirectory)!);
            var folder = file is null ? report.Directory : Path.GetDirectoryName(Path.GetFullPath(file))!;
            var written = ReportFiles.Write(report, folder, [ReportFiles.Format(parsed.GetValue(format)!)], file);
            var seeds = report.Runs.Count == 1 ? "1 seed" : $"{report.Runs.Count} seeds";
            console.WriteLine($"wrote {written.Files[0]} ({seeds})");
            if (written.Figures is { } figures)
                console.WriteLine($"figures: {figures.All.Count()} PNG + SVG in {Path.GetDirectoryName(figures.All.First().PngPath)}");
            return LetheApp.Ok;
        });
        return command;
    }
}
