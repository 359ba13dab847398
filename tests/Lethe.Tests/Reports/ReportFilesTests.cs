using Lethe.Audit;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Reports;
using Lethe.Reports.Audit;
using Lethe.Reports.Plots;
using Lethe.Tests.Audit;
using Lethe.Tests.Support;
using Lethe.Training;

namespace Lethe.Tests.Reports;

/// <summary>
/// The seam every output goes through: one report model, one format interface, one writer. A format added here, in
/// the test alone, writes its file for every kind of report, and figures are drawn only for formats that show them.
/// </summary>
public class ReportFilesTests
{
    /// <summary>A format Lethe does not ship, in one class: the common view as plain text. It notes whether it got figures.</summary>
    private sealed class TextFormat(bool showsFigures = false) : IReportFormat
    {
        public List<ReportFigures?> Given { get; } = [];

        public string Name => "text";

        public string Extension => "txt";

        public bool ShowsFigures => showsFigures;

        public string Render(Report report, ReportFigures? figures, string folder)
        {
            Given.Add(figures);
            var lines = new List<string> { report.Title };
            lines.AddRange(report.Facts.Select(f => $"{f.Name}: {f.Value}"));
            foreach (var table in report.Tables)
                lines.AddRange([table.Name, string.Join("\t", table.Columns), .. table.Rows.Select(r => string.Join("\t", r))]);
            lines.AddRange(figures?.All.Select(f => $"figure {f.Name}") ?? []);
            return string.Join("\n", lines) + "\n";
        }
    }

    private static FileEvaluation Evaluation()
    {
        var run = HandMadeRun.Record(42);
        var given = new GivenModel("/models/unlearned.pth", "state dict", 1024, "abc123");
        return new FileEvaluation(run.Provenance, run.Spec, run.Data, [run.Models[2] with { Label = "model", Given = given }],
            new Dictionary<string, OutputDivergence>(), 12);
    }

    /// <summary>One report of each kind; the summary and the audit can draw figures into their folders.</summary>
    private static IEnumerable<Report> EveryKind(string directory)
    {
        var runs = Path.Combine(directory, "runs");
        HandMadeRun.Write(runs, HandMadeRun.Record(42));
        var (_, audit) = AuditScorerTests.Score(AuditMode.FixedOriginal);
        return
        [
            new RunReport(HandMadeRun.Record(42)),
            SummaryReport.Read(runs),
            new AuditReport(audit, new AuditRunFacts("lethe audit (test)", 60, 1, 0, "store"), AuditScorerTests.Data),
            new EvaluationReport(Evaluation()),
        ];
    }

    [Fact]
    public void Should_write_every_kind_of_report_in_a_format_that_is_one_class()
    {
        // Given a format defined only here, and one report of every kind
        using var dir = new TempDirectory();
        var format = new TextFormat();
        foreach (var report in EveryKind(dir.Path))
        {
            // When the one writer writes it in that format
            var folder = Path.Combine(dir.Path, report.GetType().Name);
            var written = ReportFiles.Write(report, folder, [format]);

            // Then its file is there, under the report's name, with the report's title and headline table
            var file = Assert.Single(written.Files);
            Assert.Equal(Path.Combine(folder, report.Stem + ".txt"), file);
            var text = File.ReadAllText(file);
            Assert.StartsWith(report.Title + "\n", text);
            Assert.Contains(string.Join("\t", report.Tables[0].Rows[0]), text);
        }
        Assert.All(format.Given, Assert.Null); // it shows no figures, so it gets none
    }

    [Fact]
    public void Should_draw_no_figures_when_no_format_written_shows_them()
    {
        // Given every kind of report, written only in formats that declare no figures
        using var dir = new TempDirectory();
        foreach (var report in EveryKind(dir.Path))
        {
            var folder = Path.Combine(dir.Path, report.GetType().Name);
            var written = ReportFiles.Write(report, folder, [ReportFiles.Csv, ReportFiles.Json, ReportFiles.Latex]);

            // Then nothing was drawn, here or in the summary's run folder
            Assert.Null(written.Figures);
            Assert.Equal(3, written.Files.Count);
        }
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "runs", PlotSet.Folder)));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, nameof(AuditReport), "plots")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, nameof(AuditReport), "thumbs")));
    }

    [Fact]
    public void Should_hand_the_drawn_figures_to_a_format_that_declares_it_shows_them()
    {
        using var dir = new TempDirectory();
        var format = new TextFormat(showsFigures: true);
        var summary = EveryKind(dir.Path).OfType<SummaryReport>().Single();

        var written = ReportFiles.Write(summary, Path.Combine(dir.Path, "out"), [format]);

        var figures = Assert.IsType<PlotSet>(Assert.Single(format.Given));
        Assert.Same(figures, written.Figures);
        Assert.True(File.Exists(figures.TradeOff.PngPath));
        Assert.Contains("figure tradeoff", File.ReadAllText(written.Files[0]));
    }

    [Fact]
    public void Should_write_each_kind_of_output_to_its_own_files_by_default()
    {
        using var dir = new TempDirectory();
        var names = EveryKind(dir.Path).ToDictionary(r => r.GetType().Name,
            r => ReportFiles.DefaultsOf(r).Select(r.FileName).ToArray());

        Assert.Equal(["results.json", "results.csv", "results.md"], names[nameof(RunReport)]);
        Assert.Equal(["report.html", "report.md", "report.csv", "report.json", "report.tex"], names[nameof(SummaryReport)]);
        Assert.Equal(["audit.json", "report.md", "report.html"], names[nameof(AuditReport)]);
        Assert.Equal(["evaluation.json", "evaluation.md"], names[nameof(EvaluationReport)]);
    }

    [Fact]
    public void Should_write_a_run_folder_from_the_run_in_memory()
    {
        // Given a run whose per-sample losses are stored but whose results.json is not written yet
        using var dir = new TempDirectory();
        var record = HandMadeRun.Record(42);
        record = record with { Spec = record.Spec with { OutputDirectory = dir.Path } };
        HandMadeRun.Write(dir.Path, record);
        File.Delete(Path.Combine(dir.Path, JsonReport.ResultsFile));

        var files = ReportFiles.WriteRun(record);

        Assert.Equal(["results.json", "results.csv", "results.md", "report.html"], files.Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(dir.Path, PlotSet.Folder, "tradeoff.png")));
    }

    [Fact]
    public void Should_refuse_one_file_for_several_formats()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ReportFiles.Write(new RunReport(HandMadeRun.Record(42)), ".", [ReportFiles.Csv, ReportFiles.Json], "out.txt"));
        Assert.Contains("one file takes one format", error.Message);
    }

    [Fact]
    public void Should_print_an_evaluation_in_every_shipped_format()
    {
        // The evaluation had only JSON and Markdown; a format without a layout of its own prints the common view.
        var report = new EvaluationReport(Evaluation());
        foreach (var format in ReportFiles.Formats)
            Assert.Contains(format == ReportFiles.Json ? "\"TestAccuracy\"" : "Test Acc", format.Render(report, null, "."));
    }
}
