using Lethe.Audit;
using Lethe.Experiments;
using Lethe.Tests.Support;
using Lethe.Evaluation;
using Lethe.Plans;
using Lethe.Reports;

namespace Lethe.Tests.Experiments;

/// <summary>One tiny run with one method, made once for the tests below (each copies its output before changing it).</summary>
public sealed class TinyPhiRun : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TinyPhiRun()
    {
        Spec = TinyRun.Spec(Path.Combine(_dir.Path, "out"), Path.Combine(_dir.Path, "cache"), ["finetune"]);
        Record = new BenchmarkRunner().Run(Spec);
    }

    public ExperimentSpec Spec { get; }

    public RunRecord Record { get; }

    public void Dispose() => _dir.Dispose();
}

/// <summary>
/// Every model a run evaluates leaves its φ table beside its result; the run folder is written from the store's cells,
/// so a missing, stale or damaged file there is written again from them, with no model evaluated or trained again.
/// </summary>
public class BenchmarkRunnerPhiTests(TinyPhiRun tiny) : IClassFixture<TinyPhiRun>
{
    [Fact]
    public void Every_model_gets_a_phi_file_with_one_row_per_example_of_each_set_and_the_runs_metadata()
    {
        var (spec, run) = (tiny.Spec, tiny.Record);

        Assert.Equal(["Original", "Retrained", "Fine-tuning"], run.Models.Select(m => m.Label));
        foreach (var model in run.Models)
        {
            var table = PhiTable.Read(RunStore.PhiPath(spec.OutputDirectory, model.Label));
            // TinyRun: 4 forget, 8 retain and 4 test people with 6 photos each, 4 unseen people with 5.
            Assert.Equal([("forget", 24), ("retain", 48), ("test", 24), ("unseen", 20)],
                table.Rows.GroupBy(r => r.Set).Select(g => (g.Key, g.Count())));
            Assert.Equal(Enumerable.Range(0, 24), table.Rows.Where(r => r.Set == "forget").Select(r => r.Index));
            Assert.Equal(4, table.Rows.Where(r => r.Set == "forget").Select(r => r.Identity).Distinct().Count());
            Assert.All(table.Rows, r => Assert.True(double.IsFinite(r.Phi)));
            Assert.Equal(model.Label, table.Metadata[PhiMetadata.Model]);
            Assert.Equal(run.ResultHash, table.Metadata[PhiMetadata.ResultHash]);
            Assert.Equal(("synthfaces", "age-8", "16", "42", "42", "tiny"),
                (table.Metadata[PhiMetadata.Dataset], table.Metadata[PhiMetadata.Task], table.Metadata[PhiMetadata.ImageSize],
                    table.Metadata[PhiMetadata.Seed], table.Metadata[PhiMetadata.UnlearnSeed], table.Metadata[PhiMetadata.Preset]));
        }
        // Original fits its training data better than data it never saw: its φ is higher on forget than on unseen.
        var original = PhiTable.Read(RunStore.PhiPath(spec.OutputDirectory, "Original")).Rows;
        Assert.True(original.Where(r => r.Set == "forget").Average(r => r.Phi) > original.Where(r => r.Set == "unseen").Average(r => r.Phi));
    }

    [Fact]
    public void Registered_metrics_are_measured_against_the_runs_Original_and_Retrained_and_stored_in_results_json()
    {
        using var dir = new TempDirectory();
        var written = ReportFiles.Write(new RunReport(tiny.Record), dir.Path).Files;
        var read = JsonReport.Read(written.Single(f => f.EndsWith("results.json")));
        var byLabel = read.Models.ToDictionary(m => m.Label, m => m.Evaluation.Metrics);

        Assert.Equal(0.0, byLabel["Original"]["weight-distance/original"].Value);
        Assert.Equal("the Original is made beside Retrained", byLabel["Retrained"]["weight-distance/original"].Missing);
        Assert.True(byLabel["Fine-tuning"]["weight-distance/original"].Value > 0, "fine-tuning moves the weights");
        Assert.InRange(byLabel["Fine-tuning"]["output-divergence/forget"].Value!.Value, 1e-9, Math.Log(2));
        Assert.Equal(0.0, byLabel["Retrained"]["output-divergence/forget"].Value!.Value, 9);
        Assert.Equal(1.0, byLabel["Retrained"]["linear-cka/forget"].Value!.Value, 9);
        Assert.InRange(byLabel["Fine-tuning"]["linear-cka/forget"].Value!.Value, 0, 1);
        Assert.Contains("| ‖θ − θ_Original‖ | 0.000 | – |", File.ReadAllText(written.Single(f => f.EndsWith("results.md"))));
    }

    [Fact]
    public void A_phi_file_missing_or_stale_in_the_run_folder_is_written_again_from_the_store()
    {
        using var dir = new TempDirectory();
        var spec = tiny.Spec with { OutputDirectory = Path.Combine(dir.Path, "out") };
        CopyFolder(Path.Combine(tiny.Spec.OutputDirectory, RunStore.ModelsFolder), Path.Combine(spec.OutputDirectory, RunStore.ModelsFolder));
        string PathOf(string label) => RunStore.PhiPath(spec.OutputDirectory, label);
        var before = new[] { "Original", "Retrained", "Fine-tuning" }.ToDictionary(l => l, l => PhiTable.Read(PathOf(l)).Rows);
        File.Delete(PathOf("Original"));
        var retrained = PhiTable.Read(PathOf("Retrained"));
        PhiTable.Write(PathOf("Retrained"), retrained.Rows,
            new Dictionary<string, string>(retrained.Metadata) { [PhiMetadata.ResultHash] = "another-run" });
        File.WriteAllBytes(PathOf("Fine-tuning"), File.ReadAllBytes(PathOf("Fine-tuning"))[..100]); // truncated

        var events = new List<RunEvent>();
        new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, cancel: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(events, e => e.Training is not null);
        foreach (var label in before.Keys)
        {
            var table = PhiTable.Read(PathOf(label));
            Assert.Equal(before[label], table.Rows); // the same models, so the same φ to the bit
            Assert.NotEqual("another-run", table.Metadata[PhiMetadata.ResultHash]);
        }
        Assert.DoesNotContain(events, e => e.Message.StartsWith("evaluating"));
    }

    [Fact]
    public void A_damaged_result_in_the_run_folder_is_written_whole_again_from_the_store()
    {
        using var dir = new TempDirectory();
        var spec = tiny.Spec with { OutputDirectory = Path.Combine(dir.Path, "out") };
        var models = Path.Combine(spec.OutputDirectory, RunStore.ModelsFolder);
        CopyFolder(Path.Combine(tiny.Spec.OutputDirectory, RunStore.ModelsFolder), models);
        var damaged = Path.Combine(models, "fine-tuning.json");
        File.WriteAllText(damaged, "{\n  \"ResultHash\": \"x\",\n  \"Result\": {"); // cut short, as by a full disk

        var events = new List<RunEvent>();
        new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, cancel: TestContext.Current.CancellationToken);

        Assert.DoesNotContain(events, e => e.Message.StartsWith("evaluating") || e.Training is not null);
        using var rewritten = System.Text.Json.JsonDocument.Parse(File.ReadAllText(damaged)); // stored whole again
        Assert.Equal("Fine-tuning", rewritten.RootElement.GetProperty("Result").GetProperty("Label").GetString());
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
