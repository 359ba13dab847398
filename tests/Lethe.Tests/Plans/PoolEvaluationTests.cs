using System.Text.Json;
using Lethe.Audit;
using Lethe.Data;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Plans;
using Lethe.Reports;
using Lethe.Tests.Experiments;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Plans;

/// <summary>`lethe evaluate --pool K` through the library: the tiny run's people at 16 px, 1 epoch, one thread.</summary>
public class PoolEvaluationTests
{
    private static ExperimentSpec Spec(string root, SynthFacesOptions? synth = null)
    {
        var spec = TinyRun.Spec(Path.Combine(root, "out"), Path.Combine(root, "cache")) with { BaseEpochs = 1, Jobs = 1, Threads = 1 };
        return synth is null ? spec : spec with { Synth = synth };
    }

    /// <summary>An untrained age network saved as a Lethe checkpoint: a model to test, or a pool file.</summary>
    private static string Untrained(string root, string name, int seed, int outputs = 0)
    {
        var path = Path.Combine(root, name);
        using var model = Networks.Create("resnet18", outputs > 0 ? outputs : MultiClassTask.AgeGroups.Outputs, CPU, initSeed: seed);
        Checkpoint.Save(model, path);
        return path;
    }

    /// <summary>Writes the cache record Lethe keeps beside a checkpoint, saying how <paramref name="file"/> was made.</summary>
    private static void Record(string file, string role = "retrained", int imageSize = 16, string task = "age-8", string trainingSet = "set")
    {
        var key = new CheckpointKey(trainingSet, role, new TrainRecipe("synthfaces/" + role, 0.01, 0.9, 1, []), 42, "resnet18", task,
            imageSize, "none", "CPU", 1);
        File.WriteAllText(Path.ChangeExtension(file, ".json"), JsonSerializer.Serialize(new CheckpointInfo(key, [], 1.0, DateTimeOffset.UnixEpoch)));
    }

    [Fact]
    public void Should_make_a_pool_of_three_once_test_every_person_and_reuse_it_the_second_time()
    {
        // Given an untrained model and an empty store
        using var dir = new TempDirectory();
        var spec = Spec(dir.Path);
        var model = Untrained(dir.Path, "model.ckpt", 7);
        var store = Path.Combine(dir.Path, "store");

        // When it is tested against a pool of 3, twice
        PersonPoolTest Run(int expectedToDo)
        {
            using var pool = PoolEvaluation.ForCells(spec, model, imageSizeChosen: true, 3, store);
            Assert.Equal(expectedToDo, pool.Cost()!.ToDo);
            var (evaluation, test) = pool.Execute(model, null, "test");
            Assert.Equal("model", evaluation.Models[0].Label);
            return test;
        }
        var first = Run(3);
        var second = Run(0);

        // Then the first made the 3 cells, the second none, and both judged every forget and unseen person alike
        Assert.Equal((3, 0), (first.Made, first.Reused));
        Assert.Equal((0, 3), (second.Made, second.Reused));
        Assert.Equal(PersonPoolTest.StoreSource, first.Source);
        Assert.Equal(["retrained-s42", "retrained-s43", "retrained-s44"], first.Pool.Select(p => p.Split(' ')[0]));
        var result = first.Result!;
        Assert.Equal(ImageScoreKind.Rank, result.Score);
        Assert.Equal(4, result.Forget.Count);
        Assert.Equal(4, result.Unseen.Count);
        Assert.All(result.Forget, p => Assert.Equal(6, p.Photos));
        Assert.All(result.Forget.Concat(result.Unseen), p => Assert.InRange(p.P, 0, 1));
        Assert.Equal(result.Forget.Select(p => p.P), second.Result!.Forget.Select(p => p.P));
    }

    [Fact]
    public void Should_plan_the_very_retrained_cells_an_audit_of_the_same_spec_plans()
    {
        var spec = Spec("unused"); // planning only: nothing is written, so a relative placeholder serves
        var pool = PoolPlanner.Build(spec, 3, "fingerprint");
        var audit = AuditPlanner.Build(spec with { Methods = ["finetune"] }, AuditMode.FixedOriginal, 3,
            MethodPlan.Resolve(spec with { Methods = ["finetune"] }, MultiClassTask.AgeGroups), "fingerprint");

        Assert.Equal(audit.Cells.Where(c => c.Role == CellRole.Retrained).Select(c => c.Id), pool.Cells.Select(c => c.Id));
    }

    [Theory]
    [InlineData(0, "--pool 0: a pool of 0 models; the per-person test needs at least 2 Retrained models")]
    [InlineData(1, "--pool 1: a pool of 1 model; the per-person test needs at least 2 Retrained models")]
    public void Should_refuse_a_pool_under_two_before_building_anything(int k, string message)
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<ArgumentException>(() => PoolEvaluation.ForCells(Spec(dir.Path), Path.Combine(dir.Path, "no-such-model.ckpt"), true, k, dir.Path));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Should_refuse_fewer_than_three_unseen_people_before_training()
    {
        using var dir = new TempDirectory();
        var synth = Spec(dir.Path).Synth with { UnseenIdentities = 2 };
        var model = Untrained(dir.Path, "model.ckpt", 7);

        var e = Assert.Throws<InvalidDataException>(() => PoolEvaluation.ForCells(Spec(dir.Path, synth), model, true, 3, Path.Combine(dir.Path, "store")));

        Assert.Equal("synthfaces: 2 unseen people; the per-person test judges each forget person against the model's shift on unseen people and needs at least 3", e.Message);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "store")));
    }

    [Theory]
    [InlineData("size", "trained at 32 px (its cache record says), the evaluation is at 16 px")]
    [InlineData("original", "its cache record says it is an original model, trained on the forget people; a pool model must never have seen them")]
    [InlineData("task", "a model of task binary-male (its cache record says), the evaluation's task is age-8")]
    [InlineData("data", "made on other data: its cache record's training set (other) is not this evaluation's retain set (")]
    public void Should_refuse_a_pool_file_made_for_something_else_and_name_it(string what, string why)
    {
        using var dir = new TempDirectory();
        var model = Untrained(dir.Path, "model.ckpt", 7);
        var (good, bad) = (Untrained(dir.Path, "good.ckpt", 8), Untrained(dir.Path, "bad.ckpt", 9));
        switch (what)
        {
            case "size": Record(bad, imageSize: 32); break;
            case "original": Record(bad, role: "original"); break;
            case "task": Record(bad, task: "binary-male"); break;
            default: Record(bad, trainingSet: "other"); break;
        }

        var e = Assert.Throws<InvalidDataException>(() => PoolEvaluation.ForFiles(Spec(dir.Path), model, true, [good, bad]));

        Assert.StartsWith($"--pool-files: {bad}: {why}", e.Message);
    }

    [Fact]
    public void Should_refuse_a_pool_file_that_holds_another_task_s_network_and_name_it()
    {
        using var dir = new TempDirectory();
        var model = Untrained(dir.Path, "model.ckpt", 7);
        var binary = Untrained(dir.Path, "binary.ckpt", 8, outputs: 1);

        var e = Assert.Throws<InvalidDataException>(() => PoolEvaluation.ForFiles(Spec(dir.Path), model, true, [binary, binary]));

        Assert.Contains(binary, e.Message);
    }

    [Fact]
    public void Should_test_against_pool_files_and_write_the_per_person_section_in_md_and_json()
    {
        // Given a pool of 3 files (untrained: the mechanics, not a verdict, are under test)
        using var dir = new TempDirectory();
        var model = Untrained(dir.Path, "model.ckpt", 7);
        var files = Enumerable.Range(0, 3).Select(i => Untrained(dir.Path, $"pool{i}.ckpt", 20 + i)).ToArray();

        // When the model is tested against them and the report written
        using var pool = PoolEvaluation.ForFiles(Spec(dir.Path), model, true, files);
        Assert.Null(pool.Cost());
        var (evaluation, test) = pool.Execute(model, null, "test");
        var written = ReportFiles.Write(new EvaluationReport(evaluation, test), Path.Combine(dir.Path, "report"));

        // Then evaluation.md has the section and evaluation.json the numbers, beside the evaluation's own
        Assert.Equal(PersonPoolTest.FilesSource, test.Source);
        Assert.Equal(files, test.Pool);
        var md = File.ReadAllText(written.Files.Single(f => f.EndsWith(".md")));
        Assert.Contains("## Per-person test against a pool", md);
        Assert.Contains("- Image score: rank among the 3 pool models (fewer than 8, too few for a Gaussian z)", md);
        Assert.Contains("- Rule: exposed at q ≤ 0.05 (Benjamini–Hochberg across the forget people)", md);
        Assert.Contains("- Unseen control: ", md);
        Assert.Contains("| person | photos | effect (pool SDs) | p | q | verdict | note |", md);
        using var json = JsonDocument.Parse(File.ReadAllText(written.Files.Single(f => f.EndsWith(".json"))));
        Assert.Equal("model", json.RootElement.GetProperty("Models")[0].GetProperty("Label").GetString());
        var people = json.RootElement.GetProperty("PersonTest");
        Assert.Equal("exposed at q ≤ 0.05", people.GetProperty("Rule").GetString());
        Assert.Equal("Rank", people.GetProperty("Result").GetProperty("Score").GetString());
        Assert.Equal(4, people.GetProperty("Result").GetProperty("Forget").GetArrayLength());
        Assert.Equal(4, people.GetProperty("Result").GetProperty("Unseen").GetArrayLength());
    }
}
