using System.Text.Json.Nodes;
using Lethe.Cluster;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Plans;
using Lethe.Reports;
using Lethe.Tests.Experiments;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;
using Lethe.Audit;

namespace Lethe.Tests.Plans;

/// <summary>
/// A benchmark as a plan of cells gives what `lethe benchmark` gives: the tiny run (16 px, 1 epoch, one thread a job)
/// with fine-tuning and NegGrad over two seeds, once through <see cref="BenchmarkRunner"/> as the sweep runs it and
/// once through <see cref="PlanRunner"/>.
/// </summary>
public class BenchmarkPlanTests
{
    /// <summary>What differs between two runs of the same models: wall times and what is derived from them, and memory.</summary>
    private static readonly string[] Measured = ["Seconds", "SpeedUp", "PeakMemoryMiB", "EvaluationSeconds", "Elapsed", "ImagesPerSecond", "ResidentMiB"];

    private static ExperimentSpec Spec(string root, string name, params string[] methods) =>
        TinyRun.Spec(Path.Combine(root, name), Path.Combine(root, $"cache-{name}"), methods) with { BaseEpochs = 1, Jobs = 2, Threads = 1 };

    [Fact]
    public void Should_store_for_every_seed_of_a_sweep_what_lethe_benchmark_stores()
    {
        using var dir = new TempDirectory();
        var sweep = SeedSweep.Parse("42,43", 42, SeedVariation.All);
        sweep.Run(Spec(dir.Path, "benchmark", "finetune", "neggrad"), one =>
        {
            var run = new BenchmarkRunner().Run(one);
            ReportFiles.Write(new RunReport(run), one.OutputDirectory);
            return run;
        });

        var plan = BenchmarkPlanner.For(Spec(dir.Path, "plan", "finetune", "neggrad"), sweep) with { Store = Path.Combine(dir.Path, "store") };
        using (var bench = PlanBench.Open(plan)) new PlanRunner(PlanFile.StoreOf(plan)).Run(bench, jobs: 2, TestContext.Current.CancellationToken);

        foreach (var seed in sweep.Seeds)
        {
            var (expected, actual) = (Path.Combine(dir.Path, "benchmark", $"seed-{seed}"), Path.Combine(dir.Path, "plan", $"seed-{seed}"));
            // Original, Retrained, Fine-tuning, NegGrad.
            AssertSameModels(expected, actual, 4);
            var record = JsonReport.Read(Path.Combine(actual, "results.json"));
            Assert.Equal(JsonReport.Read(Path.Combine(expected, "results.json")).ResultHash, record.ResultHash);
            Assert.Equal(seed, record.Spec.Seed);
            Assert.True(double.IsNaN(record.TotalSeconds)); // no wall time of its own: the cells ran one by one
            Assert.True(File.Exists(Path.Combine(actual, "report.html")));
        }
        // The sweep's report, every cell mean ± 95% CI over both seeds' folders, as `lethe benchmark --seeds` writes it.
        Assert.All(ReportFiles.Formats, f => Assert.True(File.Exists(Path.Combine(dir.Path, "plan", SummaryReport.Read(Path.Combine(dir.Path, "plan")).FileName(f)))));
        Assert.Contains("over 2 seeds", File.ReadAllText(Path.Combine(dir.Path, "plan", "report.md")));
    }

    [Fact]
    public void Should_share_one_original_and_retrained_between_the_seeds_when_only_unlearning_varies()
    {
        var spec = TinyRun.Spec("out", "cache", ["finetune", "ssd"]) with { Jobs = 2, Threads = 1 };
        var methods = MethodPlan.Resolve(spec, MultiClassTask.AgeGroups);

        var plan = BenchmarkPlanner.Build(spec, SeedSweep.Parse("3", 42, SeedVariation.Unlearn), methods, new Dictionary<long, string> { [42] = "data-42" });

        Assert.Equal(["original-s42", "retrained-s42", "finetune-s42", "ssd", "finetune-s43", "finetune-s44", "report-s42", "report-s43", "report-s44", "summary"],
            plan.Cells.Select(c => c.Name));
        var (original, retrained, ssd) = (plan.Cells[0], plan.Cells[1], plan.Cells[3]);
        Assert.Equal([43L, 44L], plan.Cells.Where(c => c.Name is "finetune-s43" or "finetune-s44").Select(c => c.Seed!.Value));
        Assert.Null(ssd.Seed);
        Assert.All(plan.Cells, c => Assert.Null(c.DataSeed));
        var report43 = plan.Cells.Single(c => c.Name == "report-s43");
        Assert.Equal([original.Id, retrained.Id, plan.Cells.Single(c => c.Name == "finetune-s43").Id, ssd.Id], report43.DependsOn);
        Assert.Equal(Path.Combine("out", "seed-43"), BenchmarkPlanner.RunOf(plan, report43).OutputDirectory);
        Assert.Equal(4, PlanRunner.Stages(plan).Count); // base models, methods, each seed's report, the summary
    }

    [Fact]
    public void Should_plan_a_pool_of_the_very_cells_evaluate_pool_makes_and_leave_every_other_cell_as_without_one()
    {
        var spec = TinyRun.Spec("out", "cache", ["finetune"]) with { Jobs = 2, Threads = 1 };
        var methods = MethodPlan.Resolve(spec, MultiClassTask.AgeGroups);
        var data = new Dictionary<long, string> { [42] = "data-42" };

        var plain = BenchmarkPlanner.Build(spec, null, methods, data);
        var pooled = BenchmarkPlanner.Build(spec with { Pool = 4 }, null, methods, data);
        var pool = PoolPlanner.Build(spec, 4, "data-42");

        Assert.Equal(["original-s42", "retrained-s42", "finetune-s42", "retrained-s43", "retrained-s44", "retrained-s45", "report-s42"],
            pooled.Cells.Select(c => c.Name));
        // The run's Retrained is the pool's first model, and the three after it are the pool's others, id for id.
        Assert.Equal(pool.Cells.Select(c => c.Id), pooled.Cells.Where(c => c.Role == CellRole.Retrained).Select(c => c.Id));
        // The pool changes no model: the run's models keep their ids; only the report (its result hash) differs.
        Assert.Equal(plain.Cells.Where(c => c.MakesModel).Select(c => c.Id), pooled.Cells.Take(3).Select(c => c.Id));
        var report = pooled.Cells[^1];
        Assert.Equal([.. pooled.Cells.Take(3).Select(c => c.Id), .. pool.Cells.Skip(1).Select(c => c.Id)], report.DependsOn);
        Assert.NotEqual(plain.Cells[^1].Id, report.Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-2)]
    public void Should_refuse_a_pool_that_has_no_spread(int k)
    {
        var spec = TinyRun.Spec("out", "cache", ["finetune"]) with { Pool = k };
        var e = Assert.Throws<ArgumentException>(() =>
            BenchmarkPlanner.Build(spec, null, MethodPlan.Resolve(spec, MultiClassTask.AgeGroups), new Dictionary<long, string> { [42] = "data-42" }));
        Assert.Contains($"--pool {k}", e.Message);
    }

    [Fact]
    public void Should_plan_each_seeds_own_data_and_make_the_models_an_audit_of_that_seed_makes()
    {
        var spec = TinyRun.Spec("out", "cache", ["finetune"]) with { Jobs = 2, Threads = 1 };
        var methods = MethodPlan.Resolve(spec, MultiClassTask.AgeGroups);
        var fingerprints = new Dictionary<long, string> { [7] = "data-7", [8] = "data-8" };

        var plan = BenchmarkPlanner.Build(spec, SeedSweep.Parse("7,8", 42, SeedVariation.All), methods, fingerprints);
        var single = BenchmarkPlanner.Build(spec with { Seed = 8 }, null, methods, new Dictionary<long, string> { [8] = "data-8" });
        var audit = AuditPlanner.Build(spec with { Seed = 8 }, AuditMode.FixedOriginal, 3, methods, "data-8");

        // The sweep's first seed stands for the spec's, so that the plan's own data is data a cell uses.
        Assert.Equal(7, plan.Spec.Seed);
        Assert.Equal("data-7", plan.DataFingerprint);
        Assert.Equal("data-8", plan.FingerprintOf(8));
        Assert.Equal([null, 8L], plan.Cells.Where(c => c.Role == CellRole.Original).Select(c => c.DataSeed));
        string[] Ids(Plan p, params string[] names) => names.Select(n => p.Cells.Single(c => c.Name == n).Id).ToArray();
        // Seed 8's models are those of a one-run plan on seed 8 and those an audit on seed 8 makes first.
        Assert.Equal(Ids(single, "original-s8", "retrained-s8", "finetune-s8"), Ids(plan, "original-s8", "retrained-s8", "finetune-s8"));
        Assert.Equal(Ids(audit, "original-s8", "retrained-s8", "finetune-s8"), Ids(plan, "original-s8", "retrained-s8", "finetune-s8"));
        Assert.NotEqual(Ids(plan, "report-s8"), Ids(single, "report-s8")); // its run folder is seed-8/, not the plan's own
    }

    [Fact]
    public void Should_share_the_base_models_of_a_reproduction_and_its_principled_version_but_not_their_unlearned_models()
    {
        var spec = TinyRun.Spec("out", "cache", ["finetune", "neggrad"]) with { Jobs = 1, Threads = 1 };
        Plan PlanOf(ReferenceQuirks quirks, PredictionTask task)
        {
            var quirky = spec with { Quirks = quirks, TaskKind = task is MultiLabelTask ? "multilabel" : "age" };
            return BenchmarkPlanner.Build(quirky, null, MethodPlan.Resolve(quirky, task), new Dictionary<long, string> { [42] = "data-42" });
        }
        string[] Ids(Plan p, params string[] names) => names.Select(n => p.Cells.Single(c => c.Name == n).Id).ToArray();

        // Multi-class: the BatchNorm quirk acts while fine-tuning only, so Original, Retrained and NegGrad are one model each.
        var (reference, principled) = (PlanOf(ReferenceQuirks.Reference, MultiClassTask.AgeGroups), PlanOf(ReferenceQuirks.None, MultiClassTask.AgeGroups));
        Assert.Equal(Ids(principled, "original-s42", "retrained-s42"), Ids(reference, "original-s42", "retrained-s42"));
        Assert.NotEqual(Ids(principled, "finetune-s42"), Ids(reference, "finetune-s42"));
        // Multi-label: the per-epoch reseed shapes base training itself, so those base models differ.
        var (reseeded, plain) = (PlanOf(ReferenceQuirks.Reference, MultiLabelTask.MaleSmilingYoung), PlanOf(ReferenceQuirks.None, MultiLabelTask.MaleSmilingYoung));
        Assert.NotEqual(Ids(plain, "original-s42")[0], Ids(reseeded, "original-s42")[0]);
        Assert.NotEqual(Ids(plain, "retrained-s42")[0], Ids(reseeded, "retrained-s42")[0]);
    }

    [Fact]
    public void Should_load_a_given_original_as_lethe_benchmark_does_and_know_it_by_its_bytes()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "given.ckpt");
        using (var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: 7)) Checkpoint.Save(model, file);
        var benchmark = Spec(dir.Path, "benchmark", "finetune") with { OriginalFile = file };
        ReportFiles.Write(new RunReport(new BenchmarkRunner().Run(benchmark, cancel: TestContext.Current.CancellationToken)), benchmark.OutputDirectory);

        var plan = BenchmarkPlanner.For(Spec(dir.Path, "plan", "finetune") with { OriginalFile = file }, null) with { Store = Path.Combine(dir.Path, "store") };
        using (var bench = PlanBench.Open(plan)) new PlanRunner(PlanFile.StoreOf(plan)).Run(bench, jobs: 2, TestContext.Current.CancellationToken);

        AssertSameModels(benchmark.OutputDirectory, Path.Combine(dir.Path, "plan"), 3);
        var original = JsonReport.Read(Path.Combine(dir.Path, "plan", "results.json")).Models[0];
        Assert.Equal(file, original.Given!.File);
        Assert.Empty(original.History!);
        // Its done record says it was loaded, so that its load time never stands for a training run's (PlanCost).
        Assert.Equal([true, false], PlanFile.StoreOf(plan).AllDone().Where(d => d.Role != CellRole.Score)
            .OrderBy(d => d.Role).Select(d => d.Given).Take(2));
        // The same bytes elsewhere are the same Original (the report cell, whose results name the file, is another).
        var copy = Path.Combine(dir.Path, "copy", "given.ckpt");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(file, copy);
        var moved = BenchmarkPlanner.For(Spec(dir.Path, "plan", "finetune") with { OriginalFile = copy }, null);
        Assert.Equal(plan.Cells.Where(c => c.MakesModel).Select(c => c.Id), moved.Cells.Where(c => c.MakesModel).Select(c => c.Id));
        using (var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: 8)) Checkpoint.Save(model, copy);
        var other = BenchmarkPlanner.For(Spec(dir.Path, "plan", "finetune") with { OriginalFile = copy }, null);
        // Other bytes are another Original; Retrained does not read it.
        Assert.NotEqual(plan.Cells[0].Id, other.Cells[0].Id);
        Assert.Equal(plan.Cells[1].Id, other.Cells[1].Id);
    }

    /// <summary>Each model's φ table and loss file byte for byte, its result equal but for measured times and memory.</summary>
    private static void AssertSameModels(string expected, string actual, int models)
    {
        var files = ModelFiles(expected);
        Assert.Equal(models * 3, files.Length); // a result, its losses and its φ each
        Assert.Equal(files, ModelFiles(actual));
        foreach (var file in files)
        {
            var (a, b) = (Path.Combine(expected, file), Path.Combine(actual, file));
            if (file.EndsWith(".phi.parquet") || file.EndsWith(".losses.json"))
                Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{actual}: {file} differs");
            else
                Assert.Equal(Computed(a), Computed(b));
        }
    }

    private static string[] ModelFiles(string run) =>
        Directory.EnumerateFiles(Path.Combine(run, RunStore.ModelsFolder)).Select(f => Path.GetRelativePath(run, f)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>A stored result with every measured time and memory taken out, at any depth.</summary>
    private static string Computed(string resultFile)
    {
        var node = JsonNode.Parse(File.ReadAllText(resultFile))!;
        void Strip(JsonNode? n)
        {
            if (n is JsonObject o)
            {
                foreach (var name in Measured) o.Remove(name);
                foreach (var child in o) Strip(child.Value);
            }
            else if (n is JsonArray a)
                foreach (var child in a) Strip(child);
        }
        Strip(node);
        return node.ToJsonString();
    }
}
