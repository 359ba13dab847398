using Lethe.Experiments;
using Lethe.Tests.Support;

namespace Lethe.Tests.Experiments;

public class RunFolderClaimTests
{
    private static ExperimentSpec Spec(string output, params string[] methods) => TinyRun.Spec(output, "unused-cache", methods);

    [Fact]
    public void Should_refuse_a_folder_another_run_claimed_naming_it_and_the_ways_out()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        RunFolderClaim.Take(Spec(output, "scrub"), null, "lethe benchmark --methods scrub", overwrite: false);

        var error = Assert.Throws<ArgumentException>(() => RunFolderClaim.Take(Spec(output, "finetune"), null, "lethe benchmark --methods finetune", overwrite: false));

        Assert.Equal($"{output} holds the results of another run (lethe benchmark --methods scrub); give this one its own folder with --out DIR, "
            + "or add --overwrite to replace them", error.Message);
        Assert.Equal("lethe benchmark --methods scrub", RunFolderClaim.Holder(output)!.CommandLine);
    }

    [Fact]
    public void Should_let_the_same_run_resume_in_its_folder()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        RunFolderClaim.Take(Spec(output, "scrub"), null, "lethe benchmark --methods scrub", overwrite: false);

        Assert.Empty(RunFolderClaim.Take(Spec(output, "scrub"), null, "lethe benchmark --methods scrub -q", overwrite: false));
    }

    [Fact]
    public void Should_take_another_runs_folder_with_overwrite_and_say_whose_it_was()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        RunFolderClaim.Take(Spec(output, "scrub"), null, "lethe benchmark --methods scrub", overwrite: false);

        var said = RunFolderClaim.Take(Spec(output, "finetune"), null, "lethe benchmark --methods finetune --overwrite", overwrite: true);

        Assert.Equal($"--overwrite: {output} held the results of lethe benchmark --methods scrub; this run replaces them", Assert.Single(said));
        Assert.Equal(Spec(output, "finetune").ResultHash(), RunFolderClaim.Holder(output)!.ResultHash);
    }

    [Fact]
    public void Should_let_exactly_one_of_two_racing_runs_claim_a_folder()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var dir = new TempDirectory();
            var output = Path.Combine(dir.Path, "out");
            using var start = new Barrier(2);
            var outcomes = new[] { "scrub", "finetune" }.Select(method => Task.Run(() =>
            {
                start.SignalAndWait();
                try
                {
                    RunFolderClaim.Take(output, Spec(output, method).ResultHash(), "run", $"lethe benchmark --methods {method}", overwrite: false);
                    return "claimed";
                }
                catch (ArgumentException)
                {
                    return "refused";
                }
            })).ToArray();

            Assert.Equal(["claimed", "refused"], outcomes.Select(t => t.Result).Order());
        }
    }

    [Fact]
    public void Should_refuse_a_folder_an_earlier_lethe_wrote_for_another_run_by_its_results()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "results.json"),
            """{ "Provenance": { "CommandLine": "lethe benchmark --seed 7" }, "ResultHash": "0123456789abcdef" }""");

        var error = Assert.Throws<ArgumentException>(() => RunFolderClaim.Take(Spec(output, "scrub"), null, "lethe benchmark", overwrite: false));

        Assert.StartsWith($"{output} holds the results of another run (lethe benchmark --seed 7)", error.Message);
    }

    [Fact]
    public void Should_claim_a_sweeps_folder_and_each_seeds_and_claim_nothing_when_one_is_taken()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "sweep");
        var sweep = new SeedSweep([42, 43], SeedVariation.All);
        var spec = Spec(output, "scrub");
        RunFolderClaim.Take(sweep.For(spec, 43) with { Methods = ["finetune"] }, null, "lethe benchmark --seed 43 --out sweep/seed-43", overwrite: false);

        var error = Assert.Throws<ArgumentException>(() => RunFolderClaim.Take(spec, sweep, "lethe benchmark --seeds 2", overwrite: false));

        Assert.StartsWith($"{Path.Combine(output, "seed-43")} holds the results of another run (lethe benchmark --seed 43", error.Message);
        Assert.False(File.Exists(RunFolderClaim.PathIn(output)));
        Assert.False(File.Exists(RunFolderClaim.PathIn(Path.Combine(output, "seed-42"))));
    }

    [Fact]
    public void Should_resume_a_sweep_given_more_seeds_but_refuse_one_of_other_settings()
    {
        using var dir = new TempDirectory();
        var output = Path.Combine(dir.Path, "sweep");
        RunFolderClaim.Take(Spec(output, "scrub"), new SeedSweep([42, 43], SeedVariation.All), "lethe benchmark --seeds 2", overwrite: false);

        Assert.Empty(RunFolderClaim.Take(Spec(output, "scrub"), new SeedSweep([42, 43, 44], SeedVariation.All), "lethe benchmark --seeds 3", overwrite: false));
        Assert.Throws<ArgumentException>(() =>
            RunFolderClaim.Take(Spec(output, "finetune"), new SeedSweep([42, 43], SeedVariation.All), "lethe benchmark --seeds 2 --methods finetune", overwrite: false));
    }
}
