using Lethe.Experiments;
using Lethe.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports.People;

/// <summary>
/// A run with a per-person test (`lethe benchmark --pool K`): the people rows in results.*, the per-person page with its
/// figure, and the findings kept in results.json, from hand-made findings (no training).
/// </summary>
public class PeopleReportTests
{
    private static PersonFinding Finding(string who, double effect, double q) => new(who, 6, effect, q / 2, q, q <= 0.05);

    /// <summary>Seed 42's hand-made run with findings: Original exposes one of two forget people, Fine-tuning's test did not run.</summary>
    private static RunRecord Run()
    {
        var run = HandMadeRun.Record(42);
        PeopleExposure Test(int k, params PersonFinding[] forget) =>
            new(k, "rank among the pool models", 0.05, forget, [Finding("U1", 0.1, 0.9), Finding("U2", -0.3, 0.9), Finding("U3", 2.5, 0.04)]);
        return run with
        {
            Models = run.Models.Select(m => m with
            {
                People = m.Label switch
                {
                    "Original" => Test(4, Finding("F1", 3.2, 0.01), Finding("F2", 0.4, 0.6)),
                    "Retrained" => Test(3, Finding("F1", 0.2, 0.8), Finding("F2", -0.4, 0.8)),
                    "Fine-tuning" => new PeopleExposure(4, "–", 0.05, [], [], "the model's φ is not finite"),
                    _ => Test(4, Finding("F1", 1.0, 0.3), Finding("F2", 0.5, 0.6)),
                },
            }).ToArray(),
        };
    }

    [Fact]
    public void Should_count_exposed_and_flagged_people_per_model_and_show_a_dash_where_the_test_did_not_run()
    {
        var table = ResultsTable.From(Run());
        var exposed = table.Rows.Single(r => r.Metric == ResultsTable.PeopleExposedRow);
        var unseen = table.Rows.Single(r => r.Metric == ResultsTable.UnseenFlaggedRow);

        Assert.Equal(["1 of 2", "0 of 2", "–", "–"], Enumerable.Range(0, 4).Select(exposed.Cell)); // SCRUB diverged
        Assert.Equal(["1 of 3", "1 of 3", "–", "–"], Enumerable.Range(0, 4).Select(unseen.Cell));
        Assert.Equal(0.5, exposed.Values[0]);
        Assert.DoesNotContain(ResultsTable.From(HandMadeRun.Record(42)).Rows, r => r.Metric == ResultsTable.PeopleExposedRow);
    }

    [Fact]
    public void Should_write_the_per_person_page_with_its_figure_and_keep_every_finding_in_results_json()
    {
        using var dir = new TempDirectory();
        var run = Run() with { Spec = Run().Spec with { OutputDirectory = dir.Path } };

        var files = ReportFiles.WriteRun(run);

        Assert.Equal(["people.md", "people.csv", "people.html"], files.Select(Path.GetFileName).TakeLast(3));
        var md = File.ReadAllText(Path.Combine(dir.Path, "people.md"));
        Assert.Contains("| person | photos | Original | Retrained | Fine-tuning | SCRUB |", md);
        Assert.Contains("| F1 | 6 | +3.20 (q 0.01) exposed | +0.20 (q 0.8) | – | +1.00 (q 0.3) |", md);
        Assert.Contains("Fine-tuning: no per-person test (the model's φ is not finite)", md);
        Assert.Contains("![Each person against the pool](plots/people.png)", md);
        Assert.True(new FileInfo(Path.Combine(dir.Path, "plots", "people.png")).Length > 1000);
        Assert.Contains("data:image/png;base64,", File.ReadAllText(Path.Combine(dir.Path, "people.html")));
        Assert.Contains("| People exposed (q ≤ 0.05) | 1 of 2 | 0 of 2 |", File.ReadAllText(Path.Combine(dir.Path, "results.md")));
        Assert.Contains(RunFacts.PeopleFactName, File.ReadAllText(Path.Combine(dir.Path, "results.md")));

        var read = JsonReport.Read(Path.Combine(dir.Path, "results.json")).Models[0].People!;
        Assert.Equal(run.Models[0].People!.Forget, read.Forget);
        Assert.Equal(1, read.Exposed);
    }
}
