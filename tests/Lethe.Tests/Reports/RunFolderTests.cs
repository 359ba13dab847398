using Lethe.Reports;
using Lethe.Tests.Support;

namespace Lethe.Tests.Reports;

public class RunFolderTests
{
    [Fact]
    public void Should_read_a_single_run_with_its_losses()
    {
        using var dir = new TempDirectory();
        HandMadeRun.Write(dir.Path, HandMadeRun.Record(42));

        var runs = RunFolder.Read(dir.Path);

        var run = Assert.Single(runs);
        Assert.Equal(42, run.Record.Spec.Seed);
        Assert.Equal(["forget", "unseen", "test"], run.Losses["Original"].Keys);
        Assert.Equal(60, run.Losses["SCRUB"]["forget"].Length);
    }

    [Fact]
    public void Should_read_seed_sub_folders_in_seed_order()
    {
        using var dir = new TempDirectory();
        foreach (var record in HandMadeRun.Records().Reverse())
            HandMadeRun.Write(Path.Combine(dir.Path, $"seed-{record.Spec.Seed}"), record);

        var runs = RunFolder.Read(dir.Path);

        Assert.Equal([1L, 2, 42], runs.Select(r => r.Record.Spec.Seed));
    }

    [Fact]
    public void Should_refuse_seeds_of_different_experiments()
    {
        using var dir = new TempDirectory();
        HandMadeRun.Write(Path.Combine(dir.Path, "seed-1"), HandMadeRun.Record(1));
        var other = HandMadeRun.Record(2);
        HandMadeRun.Write(Path.Combine(dir.Path, "seed-2"), other with { Spec = other.Spec with { Lambda = 0.3 } });

        var error = Assert.Throws<InvalidDataException>(() => RunFolder.Read(dir.Path));

        Assert.Contains("differ in more than the seed", error.Message);
    }

    [Fact]
    public void Should_refuse_the_same_seed_twice()
    {
        using var dir = new TempDirectory();
        HandMadeRun.Write(Path.Combine(dir.Path, "a"), HandMadeRun.Record(1));
        HandMadeRun.Write(Path.Combine(dir.Path, "b"), HandMadeRun.Record(1));

        var error = Assert.Throws<InvalidDataException>(() => RunFolder.Read(dir.Path));

        Assert.Contains("same seed 1", error.Message);
    }

    [Fact]
    public void Should_name_the_folder_when_it_holds_no_run()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => RunFolder.Read(dir.Path));

        Assert.Contains(dir.Path, error.Message);
        Assert.Throws<DirectoryNotFoundException>(() => RunFolder.Read(Path.Combine(dir.Path, "absent")));
    }
}
