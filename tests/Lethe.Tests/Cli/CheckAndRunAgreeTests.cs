using Lethe.Data;
using Lethe.Experiments;
using Lethe.Tests.Data;
using Lethe.Tests.Data.Mucac;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cli;

/// <summary>
/// `lethe datasets check` calls a folder usable exactly when `lethe benchmark` runs on it, and says before it what the
/// run says before training: the classes, the attack's sets and the attack's warning.
/// </summary>
public class CheckAndRunAgreeTests
{
    /// <summary>What check and run both say of 4 forget against 4 unseen images (the fixture's unseen set has 4).</summary>
    private const string TooFew = "The attack cannot be computed: 4 forget vs 4 unseen images are too few: each of its 10 splits tests "
        + "⌈10% of 8⌉ = 1 row, which cannot hold a forget and an unseen one (at least 6 images a side are needed); every model's A, F (MIA) "
        + "and NoMUS (Final Score) will show \"–\".";

    [Fact]
    public void Should_pass_the_check_and_run_to_the_end_with_no_attack_numbers_when_the_forget_set_is_too_small_for_the_attack()
    {
        // Given a MUFAC folder and a forget set of 5 images (cut to the 4 unseen ones for the attack)
        using var dir = new TempDirectory();
        new MufacFixture(dir.Path);
        var check = new TestConsole();
        check.Console.Profile.Width = 1000;
        var run = new TestConsole();
        run.Console.Profile.Width = 1000;

        // When it is checked, then benchmarked
        int checkCode = check.Run("datasets", "check", dir.Path, "--forget", "first:5");
        int runCode = run.Run("benchmark", "--no-relearn", "--dataset", "mufac", "--data", dir.Path, "--forget", "first:5", "--preset", "quick",
            "--image-size", "16", "--epochs", "1", "--methods", "finetune", "--threads", "1", "--jobs", "1",
            "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "out"));

        // Then the check says usable with the run's own warning, and the run goes on to the end, each number that does
        // not exist a "–" with the reason beside the table
        var checkLines = Lines(check);
        Assert.Equal(0, checkCode);
        Assert.Contains("attack: 4 forget vs 4 unseen losses per model (forget cut at random from 5 to the unseen count, as in the reference)", checkLines);
        Assert.Contains($"  {TooFew}", checkLines);
        Assert.Contains("usable: yes", checkLines);
        Assert.Equal((0, ""), (runCode, run.Error.ToString()));
        var runLines = Lines(run);
        Assert.Contains($"data: warning: {TooFew}", runLines);
        Assert.Contains("Attack: not computed: 4 forget vs 4 unseen images are too few: each of its 10 splits tests ⌈10% of 8⌉ = 1 row, which cannot "
            + "hold a forget and an unseen one (at least 6 images a side are needed); A, F (MIA) and NoMUS (Final Score) show \"–\"", runLines);
        Assert.Equal(["MIA", "–", "–", "–"], runLines.Single(l => l.StartsWith("│ MIA ")).Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["Final Score", "–", "–", "–"], runLines.Single(l => l.StartsWith("│ Final Score ")).Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Should_forget_the_same_people_in_the_check_as_in_the_run_for_each_seed()
    {
        // Given people with 1, 2, 3, 4, 4 and 4 photos, so that which one is forgotten shows in the count
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        File.WriteAllLines(fixture.TrainCsv, File.ReadAllLines(fixture.TrainCsv).Where((_, i) => i == 0 || (i - 1) % 4 < (i - 1) / 4 + 1));
        using var cache = new TensorCache(Path.Combine(dir.Path, "cache"));

        // When identities:1 is checked and loaded with seeds 1..6
        var counts = Enumerable.Range(1, 6).Select(seed =>
        {
            var spec = new ExperimentSpec { Dataset = "mufac", DataDirectory = dir.Path, Forget = "identities:1", Seed = seed };
            var checkedForget = DatasetCheck.Run(spec).Counts.Single(c => c.Set == "forget").Rows;
            using var data = Mufac.Load(new MufacOptions(dir.Path, 16, ForgetSelection.Parse("identities:1"), Seed: seed), cache);
            return (Check: checkedForget, Run: data.Forget.Count);
        }).ToArray();

        // Then check and run agree on every seed, and the seeds do choose different people
        Assert.All(counts, c => Assert.Equal(c.Run, c.Check));
        Assert.True(counts.Select(c => c.Run).Distinct().Count() > 1, "every seed forgot the same number of photos: the seed was not used");
    }

    [Fact]
    public void Should_print_the_forget_choice_and_the_classes_as_the_benchmark_does()
    {
        // Given a MUFAC folder whose labels use only age groups c and d
        using var dir = new TempDirectory();
        var fixture = new MufacFixture(dir.Path);
        foreach (var csv in MufacFixture.CsvNames)
            File.WriteAllLines(fixture.Csv(csv), File.ReadAllLines(fixture.Csv(csv)).Select((line, i) =>
                i == 0 ? line : string.Join(",", line.Split(',').Select((field, f) => f == 2 ? (i % 2 == 0 ? "c" : "d") : field))));
        var console = new TestConsole();
        console.Console.Profile.Width = 1000;

        int code = console.Run("datasets", "check", dir.Path, "--forget", "identities:2", "--seed", "7");

        var lines = Lines(console);
        Assert.Equal(0, code);
        Assert.Equal($"mufac at {dir.Path} (forget identities:2, people chosen with seed 7)", lines[0]);
        Assert.Contains("classes: 2 of 8 occur (13-19, 20-30); chance 1/2 = 0.500", lines);
        using var cache = new TensorCache(Path.Combine(dir.Path, "cache"));
        using var data = Mufac.Load(new MufacOptions(dir.Path, 16), cache);
        Assert.Equal("2 of 8 occur (13-19, 20-30); chance 1/2 = 0.500", ClassCoverage.Of(data).Describe()); // the benchmark's "classes:" line
    }

    [Fact]
    public void Should_check_mucac_with_the_runs_identity_splits_and_refuse_what_the_run_refuses()
    {
        using var mucac = new MucacFixture();
        var check = new TestConsole();
        check.Console.Profile.Width = 1000;

        int code = check.Run("datasets", "check", mucac.Root, "--identity-splits", "2,5,8");

        var lines = Lines(check);
        Assert.Equal(0, code);
        Assert.Contains("attack: 4 forget vs 4 unseen losses per model (forget cut at random from 6 to the unseen count, as in the reference)", lines);
        Assert.Contains($"  {TooFew}", lines);
        Assert.Single(lines, l => l.StartsWith("classes: Male: "));
        var forget = new TestConsole();
        Assert.Equal(2, forget.Run("datasets", "check", mucac.Root, "--forget", "first:5"));
        Assert.Equal("lethe: --forget applies to mufac and synthfaces; MUCAC's forget people are set by --identity-splits", forget.Error.ToString().TrimEnd());
    }

    private static string[] Lines(TestConsole console) => console.Output.ToString().Split('\n').Select(l => l.TrimEnd()).ToArray();
}
