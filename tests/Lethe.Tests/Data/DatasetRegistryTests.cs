using Lethe.Data;
using Lethe.Data.Checks;
using Lethe.Models;

namespace Lethe.Tests.Data;

/// <summary>
/// The registry, not the dataset's name, decides what a run accepts: a dataset registered only here (as a new one
/// would be, with one line) is known, takes its own switches, is refused the others, and joins the other datasets'
/// refusals, with no other code changed.
/// </summary>
public class DatasetRegistryTests
{
    /// <summary>A folder dataset that takes --skip-bad and --identity-splits, and recognises a folder holding "fake.txt".</summary>
    private sealed class FakeDataset : IFolderDataset
    {
        public IReadOnlyList<string> Names { get; } = ["fake", "fake-small"];
        public string Title => "fake";
        public DatasetSwitches Accepts => DatasetSwitches.SkipBad | DatasetSwitches.IdentitySplits;
        public string DefaultPreset => "quick";
        public IReadOnlyList<string> TaskNames => Names;
        public PredictionTask Task(string taskName) => BinaryTask.Male;
        public string FolderHelp => "fake: a folder with fake.txt";
        public bool Recognises(string root) => File.Exists(Path.Combine(root, "fake.txt"));
        public void Validate(DatasetRequest request)
        {
            if (request.IdentitySplits == "bad") throw new ArgumentException("--identity-splits: fake refuses 'bad'");
        }
        public BenchmarkData Load(DatasetRequest request, Action<string>? cacheNote) => throw new NotSupportedException();
        public DatasetCheckReport Check(DatasetRequest request, int nearDistance) => throw new NotSupportedException();
    }

    private static readonly DatasetRegistry WithFake = new([new SynthFacesDataset(), new FakeDataset(), new MufacDataset()]);

    private static string Refusal(DatasetRequest request) => Assert.Throws<ArgumentException>(() => WithFake.Validate(request)).Message;

    [Fact]
    public void Should_know_a_registered_dataset_by_each_of_its_names()
    {
        Assert.Equal(["synthfaces", "fake", "fake-small", "mufac"], WithFake.Names);
        Assert.IsType<FakeDataset>(WithFake.Validate(new DatasetRequest("fake-small") { Folder = "/x", SkipBad = true, IdentitySplits = "1,2,3" }));
        Assert.Equal("unknown dataset 'mucac'; known: synthfaces, fake, fake-small, mufac", Refusal(new DatasetRequest("mucac")));
    }

    [Fact]
    public void Should_refuse_what_the_registered_dataset_does_not_take_in_one_line()
    {
        Assert.Equal("dataset 'fake' is read from files: give its folder with --data DIR", Refusal(new DatasetRequest("fake")));
        Assert.Equal("--forget applies to mufac and synthfaces; fake's forget people are set by --identity-splits",
            Refusal(new DatasetRequest("fake") { Folder = "/x", Forget = "first:3" }));
        Assert.Equal("--identity-splits: fake refuses 'bad'", Refusal(new DatasetRequest("fake") { Folder = "/x", IdentitySplits = "bad" }));
    }

    [Fact]
    public void Should_name_a_new_dataset_in_the_other_datasets_refusals()
    {
        Assert.Equal("--skip-bad applies to fake and mufac; synthfaces does not leave images out", Refusal(new DatasetRequest("synthfaces") { SkipBad = true }));
        Assert.Equal("--identity-splits applies to fake; mufac's forget set is chosen by --forget",
            Refusal(new DatasetRequest("mufac") { Folder = "/x", IdentitySplits = "1,2,3" }));
    }

    [Fact]
    public void Should_tell_a_folder_by_its_files_first_registered_first()
    {
        using var dir = new Support.TempDirectory();
        Assert.IsType<FakeDataset>(WithFake.DatasetAt(dir.Path)); // nothing recognised: the first folder dataset's check says what is missing
        File.WriteAllText(Path.Combine(dir.Path, "custom_train_dataset.csv"), "");
        Assert.IsType<MufacDataset>(WithFake.DatasetAt(dir.Path));
        File.WriteAllText(Path.Combine(dir.Path, "fake.txt"), "");
        Assert.IsType<FakeDataset>(WithFake.DatasetAt(dir.Path));
    }

    [Fact]
    public void Should_refuse_two_datasets_with_one_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatasetRegistry([new MufacDataset(), new MufacDataset()]));
        Assert.Equal("two datasets are named 'mufac'", error.Message);
    }

    [Fact]
    public void Should_give_every_registered_name_a_task_that_task_names_resolve()
    {
        Assert.All(DatasetRegistry.Default.All, dataset => Assert.All(dataset.Names, name =>
        {
            var modelTask = dataset.ModelTask(name, dataset.TaskNames[0]);
            Assert.Contains(modelTask, dataset.TaskNames);
            Assert.Same(dataset.Task(modelTask), TaskNames.Resolve(modelTask));
        }));
        Assert.Equal(DatasetRegistry.Default.All.SelectMany(d => d.TaskNames).Order(), TaskNames.Names.Order());
    }
}
