using System.Diagnostics;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

[CollectionDefinition("Environment", DisableParallelization = true)]
public sealed class EnvironmentCollection;

/// <summary>
/// Every folder a run writes is checked before any work, and a read-only one is refused in one line that names the
/// option or variable that chose it. These tests change HOME and LETHE_CACHE, so they run alone.
/// </summary>
[Collection("Environment")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class WritableFolderRefusalTests
{
    private static readonly string[] Tiny = ["--preset", "quick", "--image-size", "16", "--epochs", "1", "--threads", "1", "--methods", "finetune"];

    private static (int Code, string Error, TimeSpan Took) Run(params string[] args)
    {
        var console = new TestConsole();
        var clock = Stopwatch.StartNew();
        var code = console.Run(args);
        return (code, console.Error.ToString().TrimEnd(), clock.Elapsed);
    }

    private static (int, string, TimeSpan) WithEnvironment(string? home, string? cache, Func<(int, string, TimeSpan)> run)
    {
        var (oldHome, oldCache) = (Environment.GetEnvironmentVariable("HOME"), Environment.GetEnvironmentVariable("LETHE_CACHE"));
        try
        {
            Environment.SetEnvironmentVariable("HOME", home ?? oldHome);
            Environment.SetEnvironmentVariable("LETHE_CACHE", cache);
            return run();
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", oldHome);
            Environment.SetEnvironmentVariable("LETHE_CACHE", oldCache);
        }
    }

    private static void AssertRefused((int Code, string Error, TimeSpan Took) outcome, string start, string end)
    {
        Assert.Equal(2, outcome.Code);
        var line = Assert.Single(outcome.Error.Split('\n'));
        Assert.StartsWith($"lethe: {start}: cannot write there (", line);
        Assert.EndsWith(end, line);
        Assert.True(outcome.Took < TimeSpan.FromSeconds(5), $"refused after {outcome.Took}");
    }

    [Fact]
    public void Should_refuse_a_read_only_out_naming_out()
    {
        using var dir = new TempDirectory();
        using var readOnly = new ReadOnlyFolder();
        var output = Path.Combine(readOnly.Path, "out");

        AssertRefused(Run(["benchmark", .. Tiny, "--cache", Path.Combine(dir.Path, "cache"), "--out", output]),
            $"--out {output}", "; give a writable folder with --out");
    }

    [Fact]
    public void Should_refuse_a_read_only_cache_naming_cache()
    {
        using var dir = new TempDirectory();
        using var readOnly = new ReadOnlyFolder();

        AssertRefused(Run(["benchmark", .. Tiny, "--cache", readOnly.Path, "--out", Path.Combine(dir.Path, "out")]),
            $"--cache {readOnly.Path}", "; give a writable folder with --cache");
    }

    [Fact]
    public void Should_refuse_a_read_only_LETHE_CACHE_naming_the_variable()
    {
        using var dir = new TempDirectory();
        using var readOnly = new ReadOnlyFolder();
        var cache = Path.Combine(readOnly.Path, "cache");

        AssertRefused(WithEnvironment(null, cache, () => Run(["benchmark", .. Tiny, "--out", Path.Combine(dir.Path, "out")])),
            $"LETHE_CACHE {cache}", "; set LETHE_CACHE to a writable folder, or give --cache DIR");
    }

    [Fact]
    public void Should_refuse_a_read_only_HOME_when_the_cache_defaults_to_it()
    {
        using var dir = new TempDirectory();
        using var readOnly = new ReadOnlyFolder();

        AssertRefused(WithEnvironment(readOnly.Path, null, () => Run(["benchmark", .. Tiny, "--out", Path.Combine(dir.Path, "out")])),
            $"the default cache (under HOME) {Path.Combine(readOnly.Path, ".cache", "lethe")}", "; set LETHE_CACHE or give --cache DIR");
    }

    [Fact]
    public void Should_refuse_a_read_only_store_naming_store()
    {
        using var dir = new TempDirectory();
        using var readOnly = new ReadOnlyFolder();
        var store = Path.Combine(readOnly.Path, "store");

        AssertRefused(Run(["audit", "--preset", "quick", "--image-size", "16", "--n", "3", "--methods", "finetune", "--cache", Path.Combine(dir.Path, "cache"),
                "--out", Path.Combine(dir.Path, "out"), "--store", store]),
            $"--store {store}", "; give a writable folder with --store");
    }

    [Fact]
    public void Should_refuse_a_worker_a_read_only_store_naming_store()
    {
        using var dir = new TempDirectory();
        using var readOnly = new ReadOnlyFolder();
        var plan = Path.Combine(dir.Path, "plan.json");
        Lethe.Tests.Cluster.HandMadePlan.Create(dir.Path).Write(plan);

        AssertRefused(Run(["run-cell", plan, "--index", "0", "--store", readOnly.Path]),
            $"--store {readOnly.Path}", "; give a writable folder with --store");
    }
}
