using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Reports.Audit;
using Lethe.Tests.Support;

namespace Lethe.Tests.Audit;

/// <summary>
/// audit.json written before the scores were keyed (the committed audits under docs/results) still reads, and its
/// table renders exactly as the report committed beside it: the keyed scores change the file, not what it says.
/// </summary>
public class AuditJsonTests
{
    [Theory]
    [InlineData("audit-synthfaces-population")]
    [InlineData("audit-synthfaces-fixed-original")]
    public void Should_read_an_audit_written_before_the_scores_were_keyed_and_render_its_committed_table(string folder)
    {
        var directory = Path.Combine(SharedFolder.RepositoryRoot()!, "docs", "results", folder);

        var result = AuditResult.Read(Path.Combine(directory, "audit.json"));

        var committed = File.ReadAllLines(Path.Combine(directory, "report.md"))
            .SkipWhile(l => l != "## Scores").Skip(2).TakeWhile(l => l.StartsWith('|')).ToArray();
        var table = AuditTable.From(result);
        string Line(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|"))) + " |";
        string[] rendered = [Line(table.Columns), "|" + string.Concat(table.Columns.Select(_ => "---|")), .. table.Rows.Select(Line)];
        Assert.Equal(committed, rendered);
        // What the old file never held is missing with the reason, not made up.
        Assert.Equal(LegacyAuditJson.NotScored, result.Null.Scores.Get(KlomMetric.Forget).Missing);
        Assert.All(result.Methods, m => Assert.Equal(m.Identities.Count, m.Scores.Get(IdentityMetric.Exposed).Total));
    }
}
