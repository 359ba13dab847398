using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

/// <summary>Bad input of every kind ends in one line that names the file, option or word at fault, never a stack trace.</summary>
public class BadInputTests
{
    private static (int Code, string Error) Run(params string[] args)
    {
        var console = new TestConsole();
        int code = console.Run(args);
        var error = console.Error.ToString();
        Assert.DoesNotContain("   at ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
        return (code, error.TrimEnd());
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("{\"Provenance\": ", "JSON ends early at line 1")]
    [InlineData("{\n  \"Provenance\": {\n    \"Lethe\": \"0.1\",\n", "JSON ends early at line 3")]
    [InlineData("[]", "the JSON is an array, not an object")]
    [InlineData("{\"Provenance\": 7}", "unexpected value at $.Provenance (line 1)")]
    [InlineData("{\"Provenance\": }", "bad JSON at line 1")]
    public void A_damaged_results_file_is_named_with_what_is_wrong(string json, string problem)
    {
        using var dir = new TempDirectory();
        var results = Path.Combine(dir.Path, "results.json");
        File.WriteAllText(results, json);
        Assert.Equal((1, $"lethe: {results}: not a Lethe results file ({problem})"), Run("report", dir.Path));
    }

    [Fact]
    public void An_output_file_that_is_a_folder_is_refused_before_any_work()
    {
        using var dir = new TempDirectory();
        var folder = $"lethe: --out {dir.Path} is a folder; give a file name";
        Assert.Equal((2, folder), Run("report", dir.Path, "--format", "md", "--out", dir.Path));
        Assert.Equal((2, folder), Run("import", "--pth", "absent.pth", "--task", "mufac", "--out", dir.Path));
        Assert.Equal((2, folder), Run("plan", "benchmark", "--out", dir.Path));
        Assert.Equal((2, folder), Run("export", "--checkpoint", "absent.ckpt", "--task", "mufac", "--out", dir.Path));
    }

    [Fact]
    public void Export_refuses_to_write_over_the_checkpoint_it_reads()
    {
        using var dir = new TempDirectory();
        var checkpoint = Path.Combine(dir.Path, "good.ckpt");
        Assert.Equal((2, $"lethe: --out {checkpoint} is the --checkpoint file; give another file name"),
            Run("export", "--checkpoint", checkpoint, "--task", "mufac", "--out", checkpoint));
    }

    [Fact]
    public void A_folder_option_that_names_a_file_is_refused_before_any_work()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "file");
        File.WriteAllText(file, "");
        var plan = Path.Combine(dir.Path, "plan", "plan.json");
        Assert.Equal((2, $"lethe: --store {file} is a file; give a folder"), Run("plan", "benchmark", "--out", plan, "--store", file));
        Assert.Equal((2, $"lethe: --cache {file} is a file; give a folder"), Run("benchmark", "--out", dir.Path, "--cache", file));
        Assert.Equal((2, $"lethe: --out {file} is a file; give a folder"), Run("benchmark", "--out", file));
        Assert.Equal((2, $"lethe: --out {Path.Combine(file, "run")}: {file} is a file, not a folder"),
            Run("benchmark", "--out", Path.Combine(file, "run")));
    }

    [Fact]
    public void Synth_export_says_how_to_replace_a_folder_that_is_not_empty()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "old.txt"), "");
        Assert.Equal((2, $"lethe: export folder {dir.Path} is not empty; give a new folder, or replace it with --overwrite"),
            Run("synth", "export", "--out", dir.Path));
    }

    [Theory]
    [InlineData("lethe: unknown command 'benchmarks'; 'lethe' has: benchmark, evaluate, audit, synth, datasets, import, export, report, plan, run-cell, submit, collect (see 'lethe --help')",
        "benchmarks")]
    [InlineData("lethe: unknown command 'chek'; 'lethe datasets' has: check (see 'lethe datasets --help')", "datasets", "chek", "/tmp")]
    [InlineData("lethe: unknown option '--no-such-option' for 'lethe benchmark' (see 'lethe benchmark --help')", "benchmark", "--no-such-option")]
    public void An_unknown_word_is_named_with_what_would_do(string message, params string[] args) =>
        Assert.Equal((2, message), Run(args));

    [Theory]
    [InlineData("lethe: --epochs: 'abc' is not a whole number (see 'lethe benchmark --help')", "benchmark", "--epochs", "abc")]
    [InlineData("lethe: --vary: 'foo' is not one of all, unlearn (see 'lethe benchmark --help')", "benchmark", "--seeds", "1,2", "--vary", "foo")]
    [InlineData("lethe: --preset: 'foo' is not one of audit, cpu, default, paper, quick (see 'lethe benchmark --help')", "benchmark", "--preset", "foo")]
    [InlineData("lethe: --format: 'pdf' is not one of csv, html, json, latex, md (see 'lethe report --help')", "report", ".", "--format", "pdf")]
    [InlineData("lethe: --mode: 'foo' is not one of fixed-original, population (see 'lethe audit --help')", "audit", "--mode", "foo")]
    [InlineData("lethe: Option '--epochs' expects a single argument but 2 were provided. (see 'lethe benchmark --help')", "benchmark", "--epochs", "1", "--epochs", "0")]
    public void A_bad_value_names_the_option_and_what_it_takes(string message, params string[] args) =>
        Assert.Equal((2, message), Run(args));

    [Fact]
    public void The_librarys_parameter_name_is_not_shown() =>
        Assert.Equal("unknown method 'foo'", Lethe.Cli.CliErrors.Describe(new ArgumentException("unknown method 'foo'", "key")));
}
