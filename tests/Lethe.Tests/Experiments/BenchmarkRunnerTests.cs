using Lethe.Models;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Reports;
using Lethe.Tests.Support;
using Lethe.Plans;

namespace Lethe.Tests.Experiments;

public class BenchmarkRunnerTests
{
    [Fact]
    public void A_tiny_run_trains_evaluates_and_writes_the_three_result_files()
    {
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"));
        var events = new List<RunEvent>();

        var run = new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add))
            .Run(spec, "lethe benchmark (test)", TestContext.Current.CancellationToken);
        var files = ReportFiles.Write(new RunReport(run), spec.OutputDirectory).Files;

        Assert.Equal(["Original", "Retrained"], run.Models.Select(m => m.Label));
        Assert.Equal(4 * 6, run.Data.Forget);
        Assert.Equal(4 * 5, run.Data.Unseen);
        Assert.Equal(0, run.Data.StraddlingIdentities);
        foreach (var model in run.Models)
        {
            var e = model.Evaluation;
            Assert.InRange(e.TestAccuracy, 0, 1);
            Assert.InRange(e.AttackAccuracy, 0, 1);
            Assert.Equal(Math.Abs(e.AttackAccuracy - 0.5), e.ForgettingScore, 12);
            Assert.Equal(0.5 * e.TestAccuracy + 0.5 * (1 - 2 * e.ForgettingScore), e.Nomus, 12);
            Assert.Equal(2, model.History!.Count);
            Assert.Equal(new AttackBalance(24, 20, 20, 20, SubsampledSide.Forget), e.Attack!.Balance);
            // 20 a side is under 100: the log warns with each model's own fold spread.
            var sd = e.Attack.SplitAccuracySd.ToString("F3", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(events, ev => ev.Stage == model.Label
                && ev.Message == $"warning: The attack compares only 20 images per side (fewer than 100): the standard deviation of its 10 fold accuracies, {sd}, may exceed the differences between methods.");
        }
        Assert.Contains(events, e => e.Stage == "data"
            && e.Message == "attack: 20 forget vs 20 unseen losses per model (forget cut at random from 24 to the unseen count, as in the reference)");
        Assert.Contains(events, e => e.Stage == "data" && e.Message.StartsWith("warning: The attack compares only 20 images per side"));
        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var markdown = File.ReadAllText(Path.Combine(spec.OutputDirectory, "results.md"));
        Assert.Contains("- **Warning: The attack compares only 20 images per side (fewer than 100)", markdown);
        Assert.Contains("| Metric | Original | Retrained |", markdown);
        Assert.Contains("| Final Score |", markdown);
        Assert.Equal(run.Models[0].Evaluation.TestAccuracy,
            JsonReport.Read(Path.Combine(spec.OutputDirectory, "results.json")).Models[0].Evaluation.TestAccuracy);
        Assert.Contains(events, e => e.Training is { Model: "Original", Epoch: 2 });
    }

    [Fact]
    public void Changing_only_the_forget_set_reuses_original_and_retrains_retrained()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "mufac");
        new Lethe.Tests.Data.MufacFixture(data, unseenPeople: 4, unseenPhotos: 4);
        ExperimentSpec Spec(string forget, string output) => TinyRun.Spec(Path.Combine(dir.Path, output), Path.Combine(dir.Path, "cache")) with
        {
            Dataset = "mufac", DataDirectory = data, Forget = forget, ImageSize = 8,
        };

        var ct = TestContext.Current.CancellationToken;
        var first = new BenchmarkRunner().Run(Spec("first:8", "a"), cancel: ct);
        var second = new BenchmarkRunner().Run(Spec("first:12", "b"), cancel: ct);

        // Original trains on all of train whatever the forget choice; Retrained trains on retain, which changed.
        Assert.Equal([false, false], first.Models.Select(m => m.FromCache));
        Assert.Equal([true, false], second.Models.Select(m => m.FromCache));
        Assert.Equal(first.Models[0].History![^1].Loss, second.Models[0].History![^1].Loss);
    }

    [Fact]
    public void The_same_seed_gives_the_same_numbers_and_a_second_run_reuses_the_cache()
    {
        using var dir = new TempDirectory();
        // Retain scored on a sample smaller than the set (48 images), to see it drawn alike for every model and run.
        ExperimentSpec Spec(string output, string cache) =>
            TinyRun.Spec(Path.Combine(dir.Path, output), Path.Combine(dir.Path, cache)) with { RetainSampleSize = 20 };
        var ct = TestContext.Current.CancellationToken;
        var first = new BenchmarkRunner().Run(Spec("a", "cache-a"), cancel: ct);
        var second = new BenchmarkRunner().Run(Spec("b", "cache-b"), cancel: ct);
        var third = new BenchmarkRunner().Run(Spec("c", "cache-a"), cancel: ct);

        Assert.All(first.Models.Concat(second.Models), m => Assert.Equal(new RetainSample(20, first.Data.Retain), m.Evaluation.RetainSample));
        for (int i = 0; i < first.Models.Count; i++)
        {
            Assert.Equal(first.Models[i].Evaluation.RetainAccuracy, second.Models[i].Evaluation.RetainAccuracy);
            Assert.Equal(first.Models[i].Evaluation.TestAccuracy, second.Models[i].Evaluation.TestAccuracy);
            Assert.Equal(first.Models[i].Evaluation.AttackAccuracy, second.Models[i].Evaluation.AttackAccuracy);
            Assert.Equal(first.Models[i].History![^1].Loss, second.Models[i].History![^1].Loss);
            Assert.Equal(first.Models[i].Evaluation.AttackAccuracy, third.Models[i].Evaluation.AttackAccuracy);
        }
        Assert.All(third.Models, m => Assert.True(m.FromCache));
        Assert.All(first.Models, m => Assert.False(m.FromCache));
        // A cached model keeps the time and date of the training that made it, and the reports say it was cached.
        Assert.Equal(first.Models.Select(m => m.Seconds), third.Models.Select(m => m.Seconds));
        Assert.All(third.Models, m => Assert.InRange(m.CachedAt!.Value, first.Provenance.Started, third.Provenance.Started));
        var fact = RunFacts.Of(third).Single(f => f.Name == "Base models").Value.Split('\n');
        Assert.Equal(2, fact.Length);
        Assert.StartsWith("Original: loaded from the checkpoint cache; trained on ", fact[0]);
        Assert.EndsWith($" UTC in {first.Models[0].Seconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} s (its Time), not in this run", fact[0]);
        Assert.DoesNotContain(RunFacts.Of(first), f => f.Name == "Base models");
    }

    [Fact]
    public void An_interrupted_run_resumes_from_its_finished_models()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"));
        var first = new BenchmarkRunner().Run(spec, cancel: ct);
        var store = BenchmarkRunner.DefaultStore(spec);
        Assert.True(File.Exists(Path.Combine(spec.OutputDirectory, "models", "original.json")));
        // As if stopped after Original: the Retrained cell never marked itself done (its done record is written last).
        var retrainedCell = Directory.GetFiles(store, "done.json", SearchOption.AllDirectories)
            .Single(f => File.ReadAllText(f).Contains("\"Retrained\""));
        File.Delete(retrainedCell);

        var events = new List<RunEvent>();
        var resumed = new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, cancel: ct);

        Assert.Equal(first.Models[0].Evaluation.AttackAccuracy, resumed.Models[0].Evaluation.AttackAccuracy);
        Assert.Equal(first.Models[0].Evaluation.TestAccuracy, resumed.Models[0].Evaluation.TestAccuracy);
        Assert.DoesNotContain(events, e => e.Stage == "Original" && e.Message.StartsWith("evaluating"));
        Assert.Contains(events, e => e.Stage == "Retrained" && e.Message == "evaluating Retrained");
        Assert.Contains(events, e => e.Stage == "Retrained" && e.Message.StartsWith("loaded from cache")); // weights from the checkpoint cache
        Assert.DoesNotContain(events, e => e.Training is not null);
    }
}

public class BenchmarkRunnerQuirkTests
{
    [Fact]
    public void Turning_the_BatchNorm_quirk_on_reuses_the_cached_base_models_and_the_report_lists_it()
    {
        using var dir = new TempDirectory();
        var cache = Path.Combine(dir.Path, "cache");
        var principled = TinyRun.Spec(Path.Combine(dir.Path, "principled"), cache, ["finetune", "cf"]);
        var quirks = TinyRun.Spec(Path.Combine(dir.Path, "quirks"), cache, ["finetune", "cf"]) with { Quirks = ReferenceQuirks.Reference };
        var events = new List<RunEvent>();

        var ct = TestContext.Current.CancellationToken;
        var first = new BenchmarkRunner().Run(principled, cancel: ct);
        var second = new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(quirks, cancel: ct);
        ReportFiles.Write(new RunReport(second), quirks.OutputDirectory);

        // BatchNorm's mode while unlearning does not touch base training: Original and Retrained come from the cache.
        Assert.Equal([true, true], second.Models.Take(2).Select(m => m.FromCache));
        Assert.NotEqual(first.ResultHash, second.ResultHash);
        Assert.Empty(first.Quirks!);
        var quirk = Assert.Single(second.Quirks!);
        Assert.Equal("bn-eval", quirk.Key);
        Assert.Equal(["Fine-tuning"], quirk.Models); // CF-3 ran in training mode in the reference too
        var described = QuirkInForce.Describe(second.Quirks);
        Assert.StartsWith("BatchNorm in evaluation mode while unlearning", described);
        Assert.Contains(events, e => e.Stage == "data" && e.Message == $"reference quirks: {described}");
        Assert.Contains($"- Reference quirks: {described}", File.ReadAllText(Path.Combine(quirks.OutputDirectory, "results.md")));
        Assert.Equal(described, QuirkInForce.Describe(JsonReport.Read(Path.Combine(quirks.OutputDirectory, "results.json")).Quirks));
    }

    [Fact]
    public void The_multi_label_reseed_trains_base_models_of_its_own()
    {
        using var dir = new TempDirectory();
        var cache = Path.Combine(dir.Path, "cache");
        var principled = TinyRun.Spec(Path.Combine(dir.Path, "principled"), cache) with { TaskKind = "multilabel" };

        var ct = TestContext.Current.CancellationToken;
        var first = new BenchmarkRunner().Run(principled, cancel: ct);
        var second = new BenchmarkRunner().Run(principled with { OutputDirectory = Path.Combine(dir.Path, "quirks"), Quirks = ReferenceQuirks.Reference }, cancel: ct);

        Assert.Equal([false, false], second.Models.Select(m => m.FromCache));
        Assert.Equal(["Original", "Retrained"], Assert.Single(second.Quirks!).Models);
        Assert.NotEqual(first.Models[0].History![^1].Loss, second.Models[0].History![^1].Loss);
    }
}

public class BenchmarkRunnerMethodTests
{
    [Fact]
    public void All_methods_run_and_give_the_seed_order_nine_columns_first_then_the_registry_order()
    {
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"), ["all"]);

        var run = new BenchmarkRunner().Run(spec, cancel: TestContext.Current.CancellationToken);

        Assert.Equal(["Original", "Retrained", "Fine-tuning", "CF-3", "Grad Asc", "UNSIR Stage 1", "UNSIR Stage 2", "SCRUB", "Advanced Grad Asc"],
            run.Models.Select(m => m.Label).Take(9));
        Assert.Equal(["Original", "Retrained", .. Lethe.Unlearning.MethodRegistry.All.SelectMany(m => m.Labels)],
            run.Models.Select(m => m.Label));
        Assert.All(run.Models.Skip(2), m => Assert.True(m.SpeedUp > 0));
        var table = ResultsTable.From(run);
        Assert.Contains(table.Rows, r => r.Metric == "Speed-up vs Retrained");
        Assert.True(run.Models.Single(m => m.Label == "UNSIR Stage 2").Seconds >= run.Models.Single(m => m.Label == "UNSIR Stage 1").Seconds);
        Assert.All(run.Models, m => Assert.NotEmpty(Lethe.Evaluation.PhiTable.Read(RunStore.PhiPath(spec.OutputDirectory, m.Label)).Rows));
    }

    [Fact]
    public void Two_runs_started_together_on_one_cache_train_each_base_model_once()
    {
        using var dir = new TempDirectory();
        var ct = TestContext.Current.CancellationToken;
        ExperimentSpec Spec(string output, string method) => TinyRun.Spec(Path.Combine(dir.Path, output), Path.Combine(dir.Path, "cache"), [method]);
        var (eventsA, eventsB) = (new System.Collections.Concurrent.ConcurrentQueue<RunEvent>(), new System.Collections.Concurrent.ConcurrentQueue<RunEvent>());

        var a = Task.Run(() => new BenchmarkRunner(new SyncProgress<RunEvent>(eventsA.Enqueue)).Run(Spec("a", "finetune"), cancel: ct), ct);
        var b = Task.Run(() => new BenchmarkRunner(new SyncProgress<RunEvent>(eventsB.Enqueue)).Run(Spec("b", "neggrad"), cancel: ct), ct);
        var runs = new[] { a.Result, b.Result };

        // Each base model's epochs were trained by one of the two runs only.
        foreach (var model in new[] { "Original", "Retrained" })
        {
            var trainedBy = new[] { eventsA, eventsB }.Count(events => events.Any(e => e.Training is { } t && t.Model == model));
            Assert.Equal(1, trainedBy);
        }
        // The same models, to the bit; the run that did not make one says so.
        Assert.Equal(runs[0].Models[0].Evaluation.TestAccuracy, runs[1].Models[0].Evaluation.TestAccuracy);
        Assert.Equal(runs[0].Models[1].Evaluation.AttackAccuracy, runs[1].Models[1].Evaluation.AttackAccuracy);
        Assert.Equal(2, runs.Sum(r => r.Models.Take(2).Count(m => m.FromCache)));
    }

    [Fact]
    public void A_diverged_models_progress_line_prints_no_number_the_tables_do_not_print()
    {
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"), ["neggrad"]) with { Overrides = ["neggrad.lr=1e9"], UnlearnBatchSize = 8 };
        var events = new List<RunEvent>();

        var run = new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, cancel: TestContext.Current.CancellationToken);

        var neggrad = run.Models.Single(m => m.Source == "neggrad");
        Assert.True(neggrad.Diverged, neggrad.Note);
        Assert.Contains(events, e => e.Stage == neggrad.Label && e.Message == "diverged, so its numbers are no results (the tables show –)");
        Assert.DoesNotContain(events, e => e.Stage == neggrad.Label && e.Message.StartsWith("test acc"));
        Assert.Contains(events, e => e.Stage == "Original" && e.Message.StartsWith("test acc")); // the others still print theirs
    }

    [Fact]
    public void A_bad_override_fails_before_any_training()
    {
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"), ["all"]) with { Overrides = ["scrub.nope=1"] };
        var events = new List<RunEvent>();

        var error = Assert.Throws<ArgumentException>(() =>
            new BenchmarkRunner(new SyncProgress<RunEvent>(events.Add)).Run(spec, cancel: TestContext.Current.CancellationToken));

        Assert.Contains("scrub.nope", error.Message);
        Assert.DoesNotContain(events, e => e.Training is not null);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cache")));
    }

    [Fact]
    public void An_unknown_method_lists_the_known_ones()
    {
        using var dir = new TempDirectory();
        var spec = TinyRun.Spec(Path.Combine(dir.Path, "out"), Path.Combine(dir.Path, "cache"), ["finetune", "forgetmenot"]);
        var error = Assert.Throws<ArgumentException>(() => new BenchmarkRunner().Run(spec, cancel: TestContext.Current.CancellationToken));
        Assert.Contains("scrub", error.Message);
    }
}

public class BenchmarkRunnerThreadTests
{
    [Fact]
    public void The_numbers_do_not_depend_on_the_torch_thread_count_of_the_calling_thread()
    {
        // LibTorch's thread count is per OS thread; thread-pool threads keep whatever their last user set.
        using var dir = new TempDirectory();
        RunRecord RunFrom(int callerThreads, string name)
        {
            RunRecord? record = null;
            var thread = new Thread(() =>
            {
                TorchThreads.Set(callerThreads);
                record = new BenchmarkRunner().Run(TinyRun.Spec(Path.Combine(dir.Path, name), Path.Combine(dir.Path, "cache-" + name)));
            });
            thread.Start();
            thread.Join();
            return record!;
        }

        var one = RunFrom(1, "one");
        var two = RunFrom(2, "two");

        for (int i = 0; i < one.Models.Count; i++)
        {
            Assert.Equal(one.Models[i].History![^1].Loss, two.Models[i].History![^1].Loss);
            Assert.Equal(one.Models[i].Evaluation.AttackAccuracy, two.Models[i].Evaluation.AttackAccuracy);
        }
    }
}
