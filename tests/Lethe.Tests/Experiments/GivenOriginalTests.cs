using Lethe.Experiments;
using Lethe.Models;
using Lethe.Reports;
using Lethe.Tests.Support;
using Lethe.Tests.Training;
using Lethe.Training;
using static Lethe.Tests.Training.PyTorchFixtures;
using static TorchSharp.torch;
using Lethe.Plans;

namespace Lethe.Tests.Experiments;

public class GivenOriginalTests
{
    [Fact]
    public void A_given_original_is_evaluated_as_is_and_never_trained()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "given.ckpt");
        using (var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: 7))
            Checkpoint.Save(model, file);
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache")) with { OriginalFile = file };
        var events = new List<RunEvent>();

        var run = new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, "test", TestContext.Current.CancellationToken);

        var original = run.Models.Single(m => m.Label == "Original");
        Assert.Empty(original.History!);
        Assert.True(double.IsNaN(original.Seconds), "a given model's training time is unknown here, not 0");
        Assert.DoesNotContain(events, e => e.Training is { Model: "Original" });
        Assert.Contains(events, e => e.Stage == "Original" && e.Message.Contains("given.ckpt"));
        // Its provenance is the file, not Lethe's recipe, and it is not a cached model.
        Assert.Null(original.Settings);
        Assert.False(original.FromCache);
        Assert.Equal(new GivenModel(file, "Lethe checkpoint", new FileInfo(file).Length,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))), original.Given);
        var fact = RunFacts.Of(run).Single(f => f.Name == "Base models").Value;
        Assert.StartsWith($"Original: given, not trained here: {file} (Lethe checkpoint, ", fact);
        Assert.Contains(original.Given!.Sha256, fact);
        Assert.Contains("| Time (s) | – |", new MarkdownReport().Render(run));
        // An untrained network on 8 balanced-ish classes: near chance, far below what two epochs of training reach on train.
        Assert.InRange(original.Evaluation.ForgetAccuracy, 0, 0.5);
        Assert.Equal(24, Lethe.Evaluation.PhiTable.Read(RunStore.PhiPath(spec.OutputDirectory, "Original")).Rows.Count(r => r.Set == "forget"));
    }

    [Fact]
    public void A_trainers_checkpoint_as_original_is_unwrapped_and_the_run_says_so()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "given.pth");
        using (var model = Networks.Create("resnet18", MultiClassTask.AgeGroups.Outputs, CPU, initSeed: 7))
        using (var scope = NewDisposeScope())
            ResNetLayouts.WriteFlat(file, model.state_dict(), "module.", wrap: true, counters: true);
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache")) with { OriginalFile = file };
        var events = new List<RunEvent>();

        var run = new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, "test", TestContext.Current.CancellationToken);

        const string unwrapped = "took the weights under 'state_dict' and skipped 3 other entries: best_acc (float), epoch (int), optimizer (dict); removed the prefix 'module.' from every key";
        Assert.Contains(events, e => e.Stage == "Original" && e.Message == $"{file}: {unwrapped}");
        var given = run.Models[0].Given!;
        Assert.Equal(("PyTorch state_dict (zip)", $"{file}: {unwrapped}"), (given.Kind, given.Note));
    }

    [Fact]
    public void An_original_that_does_not_fit_is_refused_before_the_data_is_built()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "headless.pth");
        WriteTinyStateDict(file, ResNetKeys(8).Where(k => k != "fc.bias"));
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache")) with { OriginalFile = file };
        var events = new List<RunEvent>();

        var error = Assert.Throws<InvalidDataException>(() =>
            new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, "test", TestContext.Current.CancellationToken));

        Assert.Equal($"--original: {file}: missing key fc.bias, which resnet18 for task 'age' needs", error.Message);
        Assert.Empty(events);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void A_missing_original_file_is_refused_before_any_work()
    {
        var spec = new ExperimentSpec { OriginalFile = "/nowhere/model.pth" };
        Assert.Contains("--original", Assert.Throws<ArgumentException>(spec.Validate).Message);
    }
}
