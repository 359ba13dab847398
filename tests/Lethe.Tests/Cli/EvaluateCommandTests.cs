using System.Text.Json;
using Lethe.Models;
using Lethe.Tests.Support;
using Lethe.Training;
using static Lethe.Tests.Training.PyTorchFixtures;
using static TorchSharp.torch;

namespace Lethe.Tests.Cli;

/// <summary>`lethe evaluate` on small SynthFaces (the quick preset at 16 px) with untrained networks: nothing trains.</summary>
public class EvaluateCommandTests
{
    // One torch thread, as every other test: LibTorch keeps a process-wide thread count that a test running beside
    // this one (BenchmarkRunnerThreadTests compares bits across runs) would otherwise see change under it. No relearning
    // test (its default is 100 steps of 128 images per model): the tests of it set a few steps.
    private static readonly string[] Small = ["--preset", "quick", "--image-size", "16", "--threads", "1", "--no-relearn"];

    [Fact]
    public void A_model_and_a_retrained_give_every_number_their_files_and_the_divergence_per_set_as_json()
    {
        using var dir = new TempDirectory();
        var (model, retrained) = (Save(dir, "model.ckpt", 1), Save(dir, "retrained.ckpt", 2));
        var console = new TestConsole();

        int exit = console.Run(["evaluate", model, "--retrained", retrained, .. Small, "--json", "--out", Path.Combine(dir.Path, "out"), "--cache", dir.Path]);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(console.Output.ToString());
        var models = json.RootElement.GetProperty("Models").EnumerateArray().ToArray();
        Assert.Equal(["model", "retrained"], models.Select(m => m.GetProperty("Label").GetString()));
        Assert.Equal(Sha256(model), models[0].GetProperty("Given").GetProperty("Sha256").GetString());
        Assert.Equal(model, models[0].GetProperty("Given").GetProperty("File").GetString());
        var evaluation = models[0].GetProperty("Evaluation");
        foreach (var number in new[] { "TestAccuracy", "ForgetAccuracy", "RetainAccuracy", "UnseenAccuracy", "AttackAccuracy", "Nomus" })
            Assert.InRange(evaluation.GetProperty(number).GetDouble(), 0, 1);
        Assert.InRange(evaluation.GetProperty("Attack").GetProperty("RocAuc").GetDouble(), 0, 1);
        var divergence = json.RootElement.GetProperty("Divergence");
        Assert.Equal(["forget", "retain", "unseen", "test"], divergence.EnumerateObject().Select(p => p.Name));
        foreach (var set in divergence.EnumerateObject())
        {
            Assert.True(set.Value.GetProperty("MeanKl").GetDouble() > 0, $"two different networks predict differently on {set.Name}");
            Assert.InRange(set.Value.GetProperty("MeanJs").GetDouble(), 1e-9, Math.Log(2));
        }
        Assert.True(File.Exists(Path.Combine(dir.Path, "out", "evaluation.json")));
        Assert.Contains("| KL(retrained ‖ model), forget |", File.ReadAllText(Path.Combine(dir.Path, "out", "evaluation.md")));
    }

    [Fact]
    public void Should_run_the_relearning_test_against_the_Original_and_Retrained_with_the_settings_given_by_set()
    {
        // Given a model, its Original and a Retrained (untrained: what is wired, not a verdict, is under test)
        using var dir = new TempDirectory();
        var (model, original, retrained) = (Save(dir, "model.ckpt", 41), Save(dir, "original.ckpt", 42), Save(dir, "retrained.ckpt", 43));
        var console = new TestConsole();

        // When it is evaluated with a relearning test of 2 steps of 8 images
        int exit = console.Run(["evaluate", model, "--original", original, "--retrained", retrained, .. Small[..^1], "--cache", dir.Path, "--json",
            "--set", "relearn.steps=2", "--set", "relearn.batchSize=8", "--set", "relearn.scoreEvery=1", "--set", "relearn.retainImages=16"]);

        // Then its cost is said before it runs, and every relearning row has a value or why not, from the Original's and Retrained's curves
        Assert.Equal(0, exit);
        var progress = console.Error.ToString();
        Assert.Contains("relearning test: 3 curves of 2 steps × 8 images = 48 training images, about ", progress);
        Assert.Contains("relearned Original: 2 steps on 16 retain images in ", progress);
        var json = JsonDocument.Parse(console.Output.ToString()).RootElement;
        Assert.Equal(original, json.GetProperty("Original").GetProperty("File").GetString());
        var metrics = json.GetProperty("Models")[0].GetProperty("Evaluation").GetProperty("Metrics");
        Assert.InRange(metrics.GetProperty("relearn/forget").GetProperty("Value").GetDouble(), 0, 1);
        Assert.True(metrics.GetProperty("relearn/area").TryGetProperty("Value", out _));
        foreach (var row in new[] { "relearn/recovery", "relearn/steps-to-original" })
            Assert.DoesNotContain("no --original given", metrics.GetProperty(row).ToString());
    }

    [Fact]
    public void Should_skip_the_relearning_test_with_no_relearn_and_say_why_in_its_rows()
    {
        using var dir = new TempDirectory();
        var model = Save(dir, "model.ckpt", 44);
        var console = new TestConsole();

        Assert.Equal(0, console.Run(["evaluate", model, .. Small, "--cache", dir.Path, "--json"]));

        var metrics = JsonDocument.Parse(console.Output.ToString()).RootElement.GetProperty("Models")[0].GetProperty("Evaluation").GetProperty("Metrics");
        Assert.Equal("skipped (--no-relearn)", metrics.GetProperty("relearn/forget").GetProperty("Missing").GetString());
        Assert.DoesNotContain("relearning test", console.Error.ToString());
    }

    [Fact]
    public void Should_refuse_a_set_of_anything_but_the_relearning_test_with_exit_code_2()
    {
        var console = new TestConsole();

        Assert.Equal(2, console.Run(["evaluate", "/nowhere/model.ckpt", "--set", "scrub.lr=0.1"]));

        Assert.Equal("lethe: --set scrub.lr=0.1: lethe evaluate runs no unlearning method; only the relearning test's settings apply (relearn.NAME=VALUE)\n",
            console.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_model_compared_with_itself_is_at_zero_divergence_and_the_table_says_so()
    {
        using var dir = new TempDirectory();
        var model = Save(dir, "model.ckpt", 3);
        var console = new TestConsole();
        console.Console.Profile.Width = 400;

        int exit = console.Run(["evaluate", model, "--retrained", model, .. Small, "--cache", dir.Path]);

        Assert.Equal(0, exit);
        var lines = console.Output.ToString().Split('\n');
        Assert.Matches(@"KL\(retrained ‖ model\), forget\s+│\s+0\.0000\s+│\s+–", lines.Single(l => l.Contains("KL(retrained ‖ model), forget")));
        Assert.Matches(@"JS\(retrained, model\), test\s+│\s+0\.0000\s+│\s+–", lines.Single(l => l.Contains("JS(retrained, model), test")));
        Assert.Contains(lines, l => l.StartsWith($"Model: {model} (Lethe checkpoint, "));
        Assert.Equal("", console.Error.ToString());
    }

    [Fact]
    public void A_cached_checkpoint_is_evaluated_at_the_image_size_its_record_gives_unless_one_is_chosen()
    {
        using var dir = new TempDirectory();
        var model = CachedAt16Px(dir, hashed: false);
        string[] quick = ["--preset", "quick", "--threads", "1", "--no-relearn", "--cache", dir.Path, "--json"]; // quick alone would be 32 px
        int SizeOf(TestConsole run) => JsonDocument.Parse(run.Output.ToString()).RootElement.GetProperty("Data").GetProperty("ImageSize").GetInt32();
        string NoteOf(TestConsole run) =>
            JsonDocument.Parse(run.Output.ToString()).RootElement.GetProperty("Models")[0].GetProperty("Given").GetProperty("Note").GetString()!;
        var (recorded, chosen) = (new TestConsole(), new TestConsole());

        Assert.Equal(0, recorded.Run(["evaluate", model, .. quick, "--out", Path.Combine(dir.Path, "out")]));
        Assert.Equal(0, chosen.Run(["evaluate", model, .. quick, "--image-size", "24"]));

        Assert.Equal(16, SizeOf(recorded));
        Assert.Equal("trained at 16 px (its cache record says)", NoteOf(recorded));
        Assert.Equal(24, SizeOf(chosen));
        Assert.Equal("trained at 16 px (its cache record says) but evaluated at 24 px", NoteOf(chosen));
        var markdown = File.ReadAllText(Path.Combine(dir.Path, "out", "evaluation.md"));
        Assert.Contains("trained at 16 px (its cache record says)", markdown);
        Assert.DoesNotContain("Reference quirks", markdown); // they shape training, and nothing was trained
    }

    [Fact]
    public void A_cached_checkpoint_changed_after_its_record_was_written_is_not_described_by_it()
    {
        using var dir = new TempDirectory();
        var model = CachedAt16Px(dir, hashed: true);
        var bytes = File.ReadAllBytes(model);
        bytes[bytes.Length / 2] ^= 0xFF; // a byte inside a tensor, the length unchanged
        File.WriteAllBytes(model, bytes);
        var console = new TestConsole();

        Assert.Equal(0, console.Run(["evaluate", model, "--preset", "quick", "--threads", "1", "--no-relearn", "--cache", dir.Path, "--json"]));

        var json = JsonDocument.Parse(console.Output.ToString()).RootElement;
        Assert.Equal(32, json.GetProperty("Data").GetProperty("ImageSize").GetInt32()); // the preset's, not the record's 16
        Assert.StartsWith($"{model}: changed after it was written (SHA-256 ",
            json.GetProperty("Models")[0].GetProperty("Given").GetProperty("Note").GetString());
    }

    /// <summary>A checkpoint with a cache record beside it saying it was trained at 16 px (with its weights' hash, or as
    /// records were written before hashes).</summary>
    private static string CachedAt16Px(TempDirectory dir, bool hashed)
    {
        var model = Save(dir, "original-0123.ckpt", 4);
        var key = new CheckpointKey("set", "original", new TrainRecipe("synthfaces/original", 0.01, 0.9, 1, []), 42, "resnet18", "age-8",
            ImageSize: 16, "none", "CPU", 1);
        var record = new CheckpointInfo(key, [], 1.0, DateTimeOffset.UnixEpoch) { WeightsSha256 = hashed ? Lethe.IO.FileHash.Sha256(model) : null };
        File.WriteAllText(Path.ChangeExtension(model, ".json"), JsonSerializer.Serialize(record));
        return model;
    }

    [Fact]
    public void A_model_whose_outputs_are_not_finite_has_no_numbers_and_says_why()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken.ckpt");
        using (var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: 6))
        {
            using (no_grad()) model.parameters().Last().fill_(float.NaN); // the head's bias: every logit NaN
            Checkpoint.Save(model, path);
        }
        var console = new TestConsole();
        console.Console.Profile.Width = 400;

        Assert.Equal(0, console.Run(["evaluate", path, .. Small, "--cache", dir.Path]));

        var lines = console.Output.ToString().Split('\n');
        Assert.Matches(@"^Model: .*broken\.ckpt \(Lethe checkpoint, .*\); its loss is NaN or infinite on \d+ forget, \d+ unseen and \d+ test images, so none of its numbers exist",
            lines.Single(l => l.StartsWith("Model: ")));
        Assert.Matches(@"│ MIA\s+│\s+–\s+│", lines.Single(l => l.Contains("│ MIA ")));
        Assert.Matches(@"│ Test Acc\s+│\s+–\s+│", lines.Single(l => l.Contains("│ Test Acc ")));
    }

    [Fact]
    public void An_out_folder_that_is_a_file_is_refused_before_anything_is_evaluated()
    {
        using var dir = new TempDirectory();
        var model = Save(dir, "model.ckpt", 5);
        var file = Path.Combine(dir.Path, "taken");
        File.WriteAllText(file, "");
        var console = new TestConsole();

        Assert.Equal(2, console.Run(["evaluate", model, .. Small, "--cache", dir.Path, "--out", file]));

        Assert.Equal($"lethe: --out {file} is a file; give a folder\n", console.Error.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("", console.Output.ToString());
    }

    [Fact]
    public void A_file_that_is_not_the_tasks_network_is_one_line_and_exit_code_1()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "headless.pth");
        WriteTinyStateDict(file, ResNetKeys(8).Where(k => k != "fc.bias"));
        var console = new TestConsole();

        Assert.Equal(1, console.Run(["evaluate", file, .. Small, "--cache", dir.Path]));

        Assert.Equal($"lethe: {file}: missing key fc.bias, which resnet18 for task 'age' needs\n", console.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_missing_model_file_is_one_line_and_exit_code_1()
    {
        var console = new TestConsole();

        Assert.Equal(1, console.Run(["evaluate", "/nowhere/model.ckpt", .. Small]));

        Assert.Equal("lethe: model file not found: /nowhere/model.ckpt\n", console.Error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_bad_retain_sample_is_a_usage_error()
    {
        var console = new TestConsole();

        Assert.Equal(2, console.Run(["evaluate", "/nowhere/model.ckpt", "--retain-eval", "none"]));

        Assert.StartsWith("lethe: --retain-eval must be 'all' or a number of images >= 1, got 'none'", console.Error.ToString());
    }

    [Fact]
    public void Should_print_the_per_person_table_and_the_unseen_control_against_pool_files()
    {
        // Given a model and a pool of 3 files (untrained: what is printed, not a verdict, is under test)
        using var dir = new TempDirectory();
        var model = Save(dir, "model.ckpt", 1);
        var pool = Enumerable.Range(0, 3).Select(i => Save(dir, $"pool{i}.ckpt", 10 + i)).ToArray();
        var console = new TestConsole();
        console.Console.Profile.Width = 400;

        // When it is evaluated with --pool-files
        int exit = console.Run(["evaluate", model, .. Small, "--cache", dir.Path, "--pool-files", .. pool, "--out", Path.Combine(dir.Path, "out")]);

        // Then the table has a row per forget person, and the pool, score, rule and control are said
        Assert.Equal(0, exit);
        var text = console.Output.ToString();
        Assert.Contains("pool: 3 Retrained model files; nothing to train", text);
        Assert.Matches(@"person\s+│\s+photos\s+│\s+effect \(pool SDs\)\s+│\s+p\s+│\s+q\s+│\s+verdict\s+│\s+note", text);
        Assert.Equal(25, text.Split('\n').Count(l => l.Contains("exposed │")));
        Assert.Contains("Image score: rank among the 3 pool models", text);
        Assert.Contains("Rule: exposed at q ≤ 0.05", text);
        Assert.Matches(@"Unseen control: \d+ of 25 unseen people flagged", text);
        Assert.Contains("## Per-person test against a pool", File.ReadAllText(Path.Combine(dir.Path, "out", "evaluation.md")));
    }

    [Theory]
    [InlineData("--pool 0", "lethe: --pool 0: a pool of 0 models; the per-person test needs at least 2 Retrained models")]
    [InlineData("--pool 1", "lethe: --pool 1: a pool of 1 model; the per-person test needs at least 2 Retrained models")]
    [InlineData("--pool-files ONE", "lethe: --pool-files: a pool of 1 model; the per-person test needs at least 2 Retrained models")]
    [InlineData("--pool 3 --pool-files ONE ONE", "lethe: --pool and --pool-files: give one pool, not both")]
    [InlineData("--store STORE", "lethe: --store: only the cells of --pool K live in a store; give --pool K, or leave --store out")]
    public void Should_refuse_a_bad_pool_option_in_one_line_with_exit_code_2(string options, string message)
    {
        using var dir = new TempDirectory();
        var model = Save(dir, "model.ckpt", 1);
        var one = Save(dir, "one.ckpt", 2);
        var console = new TestConsole();
        var args = options.Replace("ONE", one).Replace("STORE", Path.Combine(dir.Path, "store")).Split(' ');

        int exit = console.Run(["evaluate", model, .. Small, "--cache", dir.Path, .. args]);

        Assert.Equal(2, exit);
        Assert.StartsWith(message, console.Error.ToString());
        Assert.Single(console.Error.ToString().TrimEnd().Split('\n'));
    }

    [Fact]
    public void Should_refuse_a_pool_file_of_another_image_size_naming_it_with_exit_code_1()
    {
        using var dir = new TempDirectory();
        var model = Save(dir, "model.ckpt", 1);
        var (good, bad) = (Save(dir, "good.ckpt", 2), Save(dir, "bad.ckpt", 3));
        var key = new CheckpointKey("set", "retrained", new TrainRecipe("synthfaces/retrained", 0.01, 0.9, 1, []), 42, "resnet18", "age-8",
            ImageSize: 32, "none", "CPU", 1);
        File.WriteAllText(Path.ChangeExtension(bad, ".json"), JsonSerializer.Serialize(new CheckpointInfo(key, [], 1.0, DateTimeOffset.UnixEpoch)));
        var console = new TestConsole();

        int exit = console.Run(["evaluate", model, .. Small, "--cache", dir.Path, "--pool-files", good, bad]);

        Assert.Equal(1, exit);
        Assert.Equal($"lethe: --pool-files: {bad}: trained at 32 px (its cache record says), the evaluation is at 16 px\n",
            console.Error.ToString().ReplaceLineEndings("\n"));
    }

    private static string Save(TempDirectory dir, string name, int seed)
    {
        var path = Path.Combine(dir.Path, name);
        using var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: seed);
        Checkpoint.Save(model, path);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
