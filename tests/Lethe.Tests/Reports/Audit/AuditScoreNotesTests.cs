using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Reports;
using Lethe.Reports.Audit;
using Lethe.Tests.Audit;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports.Audit;

/// <summary>
/// A score the audit's N cannot support is "–" in every table format, an empty cell in the CSV, and missing in
/// audit.json, each with its reason: the same path a diverged model's scores take. The audits are φ made up in memory
/// (<see cref="AuditScorerTests.Score"/>): no model is trained.
/// </summary>
public class AuditScoreNotesTests
{
    private const string EpsilonWhy = "F and ε need at least 6 models a side; this audit has 3";
    private const string ULiraWhy = "U-LiRA needs at least 3 models a side (each Gaussian is fitted to its pool less one model); this comparison has 1";
    private const string KlomWhy = "KLoM saturated: the null row itself reaches the cap 11.51 at N = 3";
    private const string NullRow = "null: retrained vs retrained (1 a side)";

    /// <summary>An audit of <paramref name="n"/> written in every format into <paramref name="folder"/>.</summary>
    private static AuditResult Write(int n, string folder)
    {
        var (_, result) = AuditScorerTests.Score(AuditMode.FixedOriginal, n);
        ReportFiles.Write(new AuditReport(result, new AuditRunFacts("lethe audit (test)", 60, 1, 0, "store"), AuditScorerTests.Data), folder,
            ReportFiles.Formats);
        return result;
    }

    /// <summary>The Markdown table that follows the line <paramref name="heading"/>, as rows of cells (the head first).</summary>
    private static string[][] MarkdownTable(string markdown, string heading) => markdown.Split('\n')
        .SkipWhile(l => l.TrimEnd() != heading).Skip(2).TakeWhile(l => l.StartsWith('|'))
        .Where(l => !l.StartsWith("|---"))
        .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray()).ToArray();

    /// <summary>The CSV table named <paramref name="name"/> (its name on a line of its own, then head and rows).</summary>
    private static string[][] CsvTable(string path, string name)
    {
        using var parser = new CsvParser(new StringReader(File.ReadAllText(path)), new CsvConfiguration(CultureInfo.InvariantCulture));
        var records = new List<string[]>();
        while (parser.Read()) records.Add(parser.Record!);
        return records.SkipWhile(r => r is not [var only] || only != name).Skip(1).TakeWhile(r => r.Length > 1).ToArray();
    }

    /// <summary>The cell of <paramref name="table"/> (head first) in the row labelled <paramref name="row"/> under <paramref name="column"/>.</summary>
    private static string Cell(string[][] table, string row, string column) =>
        table.Single(r => r[0] == row)[Array.IndexOf(table[0], column)];

    /// <summary>The reason the notes table gives for <paramref name="column"/> of <paramref name="row"/>.</summary>
    private static string Why(string[][] notes, string row, string column) =>
        notes.Single(r => r[0] == row && r[1].Split(", ").Contains(column))[2];

    [Fact]
    public void Should_print_F_epsilon_KLoM_and_ULiRA_as_a_dash_with_the_reason_in_md_csv_and_json_at_three_models()
    {
        // Given an audit of 3 models a side, whose null row has halves of 1
        using var dir = new TempDirectory();

        // When it is written in every format
        var result = Write(3, dir.Path);

        // Then the Markdown shows "–" and the table under the scores says why
        var markdown = File.ReadAllText(Path.Combine(dir.Path, "report.md"));
        var scores = MarkdownTable(markdown, "## Scores");
        var notes = MarkdownTable(markdown, AuditScoreNotes.Title + ":");
        foreach (var column in new[] { "F (95% CI)", "mean ε", "F per identity", "identities ε>1" })
        {
            Assert.Equal("–", Cell(scores, "Fine-tuning", column));
            Assert.Equal(EpsilonWhy, Why(notes, "Fine-tuning", column));
        }
        foreach (var row in new[] { "Fine-tuning", NullRow })
        {
            Assert.Equal("–", Cell(scores, row, "KLoM95 forget"));
            Assert.StartsWith(KlomWhy, Why(notes, row, "KLoM95 forget"));
        }
        Assert.Equal("–", Cell(scores, NullRow, "U-LiRA AUC"));
        Assert.Equal(ULiraWhy, Why(notes, NullRow, "U-LiRA AUC"));
        Assert.Equal("–", Cell(scores, $"chance: two exchangeable pools of 3 (simulated)", "F (95% CI)"));
        // U-LiRA runs at 3 models a side: the method keeps its number.
        Assert.True(double.TryParse(Cell(scores, "Fine-tuning", "U-LiRA AUC"), CultureInfo.InvariantCulture, out _));
        // The summary lines quote no F or ε: the legend says why there is none.
        Assert.Contains($"Here F, ε and the final score are \"–\": {EpsilonWhy}", markdown);
        Assert.DoesNotContain("score F ≈", markdown);

        // And the CSV leaves the cell empty, with the same reasons in its notes table
        var csv = Path.Combine(dir.Path, "report.csv");
        var csvScores = CsvTable(csv, "Scores");
        var csvNotes = CsvTable(csv, AuditScoreNotes.Title);
        Assert.Equal("", Cell(csvScores, "Fine-tuning", "F (95% CI)"));
        Assert.Equal(EpsilonWhy, Why(csvNotes, "Fine-tuning", "F (95% CI)"));
        Assert.Equal("", Cell(csvScores, NullRow, "U-LiRA AUC"));
        Assert.Equal(ULiraWhy, Why(csvNotes, NullRow, "U-LiRA AUC"));
        Assert.StartsWith(KlomWhy, Why(csvNotes, "Fine-tuning", "KLoM95 retain"));

        // And audit.json holds no value, the reason in its place, for the scores and for each person
        var read = AuditResult.Read(Path.Combine(dir.Path, "audit.json"));
        var fineTuning = read.Methods.Single(m => m.Label == "Fine-tuning");
        Assert.Equal(AuditValue.None(EpsilonWhy), fineTuning.Scores[ForgettingQualityMetric.F]);
        Assert.Equal(AuditValue.None(EpsilonWhy), fineTuning.Scores[IdentityMetric.MeanEpsilon]);
        Assert.StartsWith(KlomWhy, fineTuning.Scores[KlomMetric.Forget].Missing);
        Assert.Null(fineTuning.Scores[KlomMetric.Forget].Value);
        Assert.Equal(AuditValue.None(ULiraWhy), read.Null.Scores[ULiraMetric.Auc]);
        Assert.All(fineTuning.Identities, i => Assert.True(double.IsNaN(i.Epsilon)));
        Assert.All(fineTuning.Images, i => Assert.True(double.IsNaN(i.Klom)));
        Assert.Equal(result.Methods[0].Scores, read.Methods[0].Scores);

        // And the HTML and LaTeX print the same reasons beside their dashes
        Assert.Contains(EpsilonWhy, File.ReadAllText(Path.Combine(dir.Path, "report.html")));
        Assert.Contains(ULiraWhy, File.ReadAllText(Path.Combine(dir.Path, "report.tex")));
    }

    [Fact]
    public void Should_print_F_epsilon_and_ULiRA_as_numbers_at_six_models()
    {
        // Given an audit of 6 models a side, whose null row has halves of 3
        using var dir = new TempDirectory();

        // When it is written
        var result = Write(6, dir.Path);

        // Then F, ε and U-LiRA are numbers, for the method and for the null row they are read against
        var scores = MarkdownTable(File.ReadAllText(Path.Combine(dir.Path, "report.md")), "## Scores");
        foreach (var (row, column) in new[]
                 {
                     ("Fine-tuning", "F (95% CI)"), ("Fine-tuning", "mean ε"), ("Fine-tuning", "F per identity"), ("Fine-tuning", "U-LiRA AUC"),
                     ("null: retrained vs retrained (3 a side)", "F (95% CI)"), ("null: retrained vs retrained (3 a side)", "U-LiRA AUC"),
                     ("chance: two exchangeable pools of 6 (simulated)", "F (95% CI)"),
                 })
            Assert.NotEqual("–", Cell(scores, row, column));
        Assert.All(result.Methods.Single(m => m.Label == "Fine-tuning").Identities, i => Assert.False(double.IsNaN(i.Epsilon)));
    }
}
