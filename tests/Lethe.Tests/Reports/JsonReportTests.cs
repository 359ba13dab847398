using System.Text.Json.Nodes;
using Lethe.Evaluation.Metrics;
using Lethe.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports;

public class JsonReportTests
{
    [Fact]
    public void Should_read_a_run_stored_before_attack_statistics_and_classes_were_recorded()
    {
        var node = JsonNode.Parse(new JsonReport().Render(HandMadeRun.Record(1)))!;
        node["Data"]!.AsObject().Remove("Classes");
        foreach (var model in node["Models"]!.AsArray()) model!["Evaluation"]!.AsObject().Remove("Attack");
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "results.json");
        File.WriteAllText(path, node.ToJsonString());

        var record = JsonReport.Read(path);
        var table = ResultsTable.From(record);
        string Cell(string metric) => table.Rows.Single(r => r.Metric == metric).Cell(0);

        Assert.Null(record.Data.Classes);
        Assert.Null(record.Models[0].Evaluation.Attack);
        Assert.Equal("–", Cell(ResultsTable.AucRow));
        Assert.Equal("–", Cell(ResultsTable.TprRow));
        Assert.Equal("175 vs 175", Cell(ResultsTable.AttackSizesRow)); // the counts such runs did store
        Assert.DoesNotContain("Classes:", new MarkdownReport().Render(record));
        Assert.Equal("175 forget vs 175 unseen losses per model (as stored; which side was cut is not recorded); 0.5 = the attacker cannot tell forget from unseen",
            AttackNote.Fact([record])!.Value);
    }

    [Fact]
    public void Should_read_back_every_metric_curve_it_wrote()
    {
        // Given a run whose models stored curves, one with a point that has no value
        var record = HandMadeRun.WithCurves(HandMadeRun.Record(1));
        var line = MetricRegistry.Key(WeightLine.MetricName, WeightLine.RetainLossCurve);
        var curves = new Dictionary<string, MetricCurve>(record.Models[2].Evaluation.Curves!);
        curves[line] = curves[line] with { Y = [double.NaN, .. curves[line].Y.Skip(1)] };
        record = record with { Models = [.. record.Models.Select((m, i) => i == 2 ? m with { Evaluation = m.Evaluation with { Curves = curves } } : m)] };
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, JsonReport.ResultsFile);

        // When it is written as results.json and read back
        File.WriteAllText(path, new JsonReport().Render(record));
        var read = JsonReport.Read(path);

        // Then every model has the same curves, the missing point still missing
        Assert.All(record.Models.Zip(read.Models), m => Assert.Equal(m.First.Evaluation.Curves, m.Second.Evaluation.Curves));
        Assert.True(double.IsNaN(read.Models[2].Evaluation.Curves![line].Y[0]));
    }

    [Fact]
    public void Should_read_a_run_stored_before_curves_were_kept_and_write_a_run_without_curves_as_before()
    {
        var node = JsonNode.Parse(new JsonReport().Render(HandMadeRun.WithCurves(HandMadeRun.Record(1))))!;
        foreach (var model in node["Models"]!.AsArray()) model!["Evaluation"]!.AsObject().Remove("Curves");
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, JsonReport.ResultsFile);
        File.WriteAllText(path, node.ToJsonString());

        var record = JsonReport.Read(path);

        Assert.All(record.Models, m => Assert.Null(m.Evaluation.Curves));
        Assert.Equal(ResultsTable.From(HandMadeRun.Record(1)).Rows.Select(r => r.Metric), ResultsTable.From(record).Rows.Select(r => r.Metric));
        Assert.DoesNotContain("\"Curves\"", new JsonReport().Render(HandMadeRun.Record(1)));
    }

    [Fact]
    public void Should_store_the_attack_statistics_with_the_side_by_name()
    {
        var json = new JsonReport().Render(HandMadeRun.SmallForgetSet(HandMadeRun.Record(1)));
        var attack = JsonNode.Parse(json)!["Models"]![0]!["Evaluation"]!["Attack"]!;

        Assert.Equal("Unseen", attack["Balance"]!["Subsampled"]!.GetValue<string>());
        Assert.Equal(14, attack["Balance"]!["UnseenUsed"]!.GetValue<int>());
        Assert.True(attack["SmallSet"]!.GetValue<bool>());
        Assert.Equal(0.75, attack["RocAuc"]!.GetValue<double>(), 12);
    }
}
