using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

/// <summary>
/// What the command line alone decides is refused before any data is built or model trained, as one line with the
/// usage exit code (1 for a missing path or a bad input file), and no option is silently ignored. Each run here would
/// train base models if it got that far: the absent cache and output folders show it stopped first.
/// </summary>
public class EarlyRefusalTests
{
    private static (int Code, string Error) Benchmark(TempDirectory dir, params string[] args)
    {
        var console = new TestConsole();
        int code = console.Run(["benchmark", "--no-relearn", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--threads", "1",
            "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "out"), .. args]);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cache")), "refused after the cache was written to");
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")), "refused after results were written");
        return (code, console.Error.ToString().TrimEnd());
    }

    [Theory]
    [InlineData("finetune.lr=0", "finetune.lr must be a positive number, got 0")]
    [InlineData("finetune.lr=-1", "finetune.lr must be a positive number, got -1")]
    [InlineData("finetune.bogus=1", "finetune.bogus: unknown parameter of 'finetune'; valid: lr, epochs, bnEvalQuirk, epochReseedQuirk")]
    [InlineData("nosuch.lr=1", "nosuch.lr=1: unknown unlearning method 'nosuch'; known: finetune, cf, neggrad, unsir, scrub, advneggrad, randlabel, salun, ssd, badteacher, l1sparse, head-only, retrained-other-seed")]
    public void A_bad_override_is_refused_before_the_base_models_train(string assignment, string message)
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, $"lethe: {message}"), Benchmark(dir, "--methods", "finetune", "--set", assignment));
    }

    [Theory]
    [InlineData("--skip-bad", "--skip-bad applies to mufac; synthfaces does not leave images out")]
    [InlineData("--exclude-duplicates", "--exclude-duplicates applies to mufac; synthfaces does not leave images out")]
    public void A_switch_only_MUFAC_acts_on_is_refused_elsewhere(string option, string message)
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, $"lethe: {message}"), Benchmark(dir, "--methods", "none", option));
    }

    [Fact]
    public void None_beside_methods_is_refused()
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, "lethe: --methods none,finetune: 'none' means no method, so it cannot go with others"),
            Benchmark(dir, "--methods", "none,finetune"));
    }

    [Fact]
    public void A_value_a_method_refuses_is_refused_for_every_method_not_just_the_optimisers()
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, "lethe: cf.k must be in 1..6 (1 = head only), got 9"), Benchmark(dir, "--methods", "cf", "--set", "cf.k=9"));
    }

    [Fact]
    public void An_unknown_method_is_refused_before_the_data_is_built()
    {
        using var dir = new TempDirectory();
        var (code, error) = Benchmark(dir, "--methods", "finetune,forgetall");
        Assert.Equal(2, code);
        Assert.StartsWith("lethe: unknown unlearning method 'forgetall'; known: finetune, cf,", error);
        Assert.DoesNotContain("Parameter", error);
    }

    [Fact]
    public void An_override_for_a_method_that_does_not_run_is_refused()
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, "lethe: --set overrides scrub, but the methods run are: none; add it to --methods or drop the override"),
            Benchmark(dir, "--methods", "none", "--set", "scrub.lr=0.1"));
    }

    [Fact]
    public void An_empty_methods_value_is_refused_rather_than_read_as_none()
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, "lethe: --methods names no method; give 'none' to train and evaluate the base models only"), Benchmark(dir, "--methods", ""));
    }

    [Fact]
    public void A_params_file_that_is_not_json_is_a_bad_input_file_named_with_exit_code_1()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "params.json");
        File.WriteAllText(file, "{ not json");
        var (code, error) = Benchmark(dir, "--methods", "finetune", "--params", file);
        Assert.Equal(1, code);
        Assert.StartsWith($"lethe: {file}: hyper-parameter overrides are not valid JSON: ", error);
        Assert.Single(error.Split('\n'));
    }

    [Fact]
    public void A_params_file_with_a_bad_value_names_the_file()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "params.json");
        File.WriteAllText(file, """{"finetune": {"lr": 0}}""");
        Assert.Equal((1, $"lethe: {file}: finetune.lr must be a positive number, got 0"), Benchmark(dir, "--methods", "finetune", "--params", file));
    }

    [Fact]
    public void An_unknown_task_is_refused_before_the_data_is_built()
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, "lethe: --task: unknown SynthFaces task 'foo'; known: age, male, smiling, young, multilabel"),
            Benchmark(dir, "--methods", "none", "--task", "foo"));
    }

    [Fact]
    public void A_task_for_a_file_dataset_is_refused_not_ignored()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "mufac"));
        Assert.Equal((2, "lethe: --task applies to synthfaces; mufac has its own task (MUCAC's binary ones are --dataset mucac-male, mucac-smiling, mucac-young)"),
            Benchmark(dir, "--dataset", "mufac", "--data", Path.Combine(dir.Path, "mufac"), "--methods", "none", "--task", "male"));
    }

    [Fact]
    public void A_data_folder_for_synthfaces_is_refused_not_ignored()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "nonexistent");
        Assert.Equal((2, $"lethe: --data {missing}: synthfaces is built in and reads no folder; give --dataset for a file dataset"),
            Benchmark(dir, "--methods", "none", "--data", missing));
    }

    [Fact]
    public void A_missing_data_folder_is_exit_code_1()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "nonexistent");
        Assert.Equal((1, $"lethe: --data: folder not found: {missing}"), Benchmark(dir, "--dataset", "mufac", "--methods", "none", "--data", missing));
    }

    [Fact]
    public void Identity_splits_for_synthfaces_are_refused_not_ignored()
    {
        using var dir = new TempDirectory();
        Assert.Equal((2, "lethe: --identity-splits applies to MUCAC; synthfaces's forget set is chosen by --forget"),
            Benchmark(dir, "--methods", "none", "--identity-splits", "1,2,3"));
    }

    [Fact]
    public void Plan_benchmark_refuses_a_bad_value_before_it_builds_data_or_writes_the_plan()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "p", "plan.json");
        var console = new TestConsole();
        Assert.Equal(2, console.Run("plan", "benchmark", "--preset", "audit", "--epochs", "1", "--methods", "finetune", "--set", "finetune.lr=0",
            "--cache", Path.Combine(dir.Path, "cache"), "--out", path));
        Assert.Equal("lethe: finetune.lr must be a positive number, got 0", console.Error.ToString().TrimEnd());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Audit_refuses_a_bad_value_before_it_builds_data()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();
        Assert.Equal(2, console.Run("audit", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--n", "2", "--methods", "finetune",
            "--set", "finetune.lr=0", "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "out")));
        Assert.Equal("lethe: finetune.lr must be a positive number, got 0", console.Error.ToString().TrimEnd());
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "cache")));
    }

    [Fact]
    public void A_negative_near_distance_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        var console = new TestConsole();
        Assert.Equal(2, console.Run("datasets", "check", dir.Path, "--near-distance", "-1"));
        Assert.Equal("lethe: --near-distance must be 0 or more bits, got -1 (see 'lethe datasets check --help')", console.Error.ToString().TrimEnd());
    }

    [Fact]
    public void Plan_show_refuses_a_store_that_does_not_exist()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "p", "plan.json");
        var plan = new TestConsole();
        Assert.Equal(0, plan.Run("plan", "benchmark", "--no-relearn", "--preset", "audit", "--epochs", "1", "--methods", "finetune",
            "--cache", Path.Combine(dir.Path, "cache"), "--out", path));
        var missing = Path.Combine(dir.Path, "nonexistent");
        var show = new TestConsole();
        Assert.Equal(1, show.Run("plan", "show", path, "--store", missing));
        Assert.Equal($"lethe: --store: folder not found: {missing}", show.Error.ToString().TrimEnd());
    }
}
