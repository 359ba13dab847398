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
        var format = new Option<string>("--format") { Description = $"Report format: {string.Join(", ", ReportBuilder.Formats)}", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong([.. ReportBuilder.Formats]);
        var output = new Option<string?>("--out") { Description = "File to write (default RUN_DIR/report.<html|md|csv|json|tex>)", HelpName = "FILE" };

        var command = new Command("report", "Build a report (tables with 95% intervals over seeds, figures, provenance) from a stored run.")
        {
            runDirectory, format, output,
        };
        command.SetAction(parsed =>
        {
            var file = parsed.GetValue(output) is { } path ? OutputPaths.File("--out", path) : null;
            var written = ReportBuilder.Build(parsed.GetValue(runDirectory)!, parsed.GetValue(format)!, file);
            var seeds = written.Seeds == 1 ? "1 seed" : $"{written.Seeds} seeds";
            console.WriteLine($"wrote {written.Path} ({seeds})");
            if (written.Plots is { } plots)
                console.WriteLine($"figures: {plots.All.Count()} PNG + SVG in {Path.GetDirectoryName(plots.TradeOff.PngPath)}");
            return LetheApp.Ok;
        });
        return command;
    }
}
