using System.Net;
using System.Text.RegularExpressions;
using Lethe.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports;

public class SummaryReportTests
{
    /// <summary>What `lethe report` does: the stored runs' summary in one format, to the run folder or to <paramref name="file"/>.</summary>
    private static WrittenReport Build(string runDirectory, string format = "html", string? file = null) =>
        ReportFiles.Write(SummaryReport.Read(runDirectory), file is null ? runDirectory : Path.GetDirectoryName(file)!, [ReportFiles.Format(format)], file);

    private static void WriteThreeSeeds(string directory, Func<Lethe.Experiments.RunRecord, Lethe.Experiments.RunRecord>? change = null)
    {
        foreach (var record in HandMadeRun.Records())
            HandMadeRun.Write(Path.Combine(directory, $"seed-{record.Spec.Seed}"), change?.Invoke(record) ?? record);
    }

    [Fact]
    public void Should_build_one_self_contained_html_page_from_a_stored_multi_seed_run()
    {
        using var dir = new TempDirectory();
        WriteThreeSeeds(dir.Path);

        var output = Build(dir.Path);

        var html = File.ReadAllText(output.Files.Single());
        var text = WebUtility.HtmlDecode(html);
        Assert.Equal(Path.Combine(dir.Path, "report.html"), output.Files.Single());
        Assert.Equal(3, ((SummaryReport)output.Report).Runs.Count);
        Assert.DoesNotMatch(new Regex("https?://", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html);
        Assert.Equal(output.Figures!.All.Count(), Regex.Matches(html, "<img src=\"data:image/png;base64,").Count);
        Assert.Contains("0.4000<span class=\"ci\">± 0.4969</span>", text);
        Assert.Contains("title=\"seed 1: 0.2000, seed 2: 0.4000, seed 42: 0.6000\"", text);
        Assert.Contains("lethe benchmark --preset quick --seed 42", text);
        Assert.Contains("TorchSharp 0.107.0.0, LibTorch 2.10.0.0", text);
        Assert.Contains("Test CPU; 2 logical cores; device cpu; 2 parallel jobs × 1 torch threads", text);
        Assert.True(File.Exists(Path.Combine(dir.Path, "plots", "tradeoff.svg")));
    }

    [Fact]
    public void Should_html_encode_every_string_from_the_run()
    {
        using var dir = new TempDirectory();
        WriteThreeSeeds(dir.Path, r => r with { Provenance = r.Provenance with { CommandLine = "lethe <script>alert(1)</script> & \"x\"" } });

        var html = File.ReadAllText(Build(dir.Path).Files.Single());

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("lethe &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;", html);
    }

    [Theory]
    [InlineData("md", "report.md", "| Test Acc | 0.4000 ± 0.4969 |")]
    [InlineData("csv", "report.csv", "Test Acc,Original,3,")]
    [InlineData("json", "report.json", "\"HalfWidth95\"")]
    [InlineData("latex", "report.tex", "\\toprule")]
    public void Should_write_each_format_into_the_run_folder(string format, string fileName, string expected)
    {
        using var dir = new TempDirectory();
        WriteThreeSeeds(dir.Path);

        var output = Build(dir.Path, format);

        Assert.Equal(Path.Combine(dir.Path, fileName), output.Files.Single());
        Assert.Contains(expected, File.ReadAllText(output.Files.Single()));
    }

    [Fact]
    public void Should_link_the_figures_of_a_markdown_report_relative_to_its_own_folder()
    {
        using var dir = new TempDirectory();
        HandMadeRun.Write(Path.Combine(dir.Path, "run"), HandMadeRun.Record(42));

        var output = Build(Path.Combine(dir.Path, "run"), "md", Path.Combine(dir.Path, "report.md"));

        Assert.Contains("](run/plots/tradeoff.png)", File.ReadAllText(output.Files.Single()));
    }

    [Fact]
    public void Should_name_the_known_formats_for_an_unknown_one()
    {
        var error = Assert.Throws<ArgumentException>(() => ReportFiles.Format("pdf"));
        Assert.Contains("html, md, csv, json, latex", error.Message);
    }
}
