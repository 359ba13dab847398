namespace Lethe.Tests.Support;

public class SharedFolderTests
{
    [Fact]
    public void A_missing_file_in_a_present_shared_folder_is_a_failure_not_a_skip()
    {
        using var shared = new TempDirectory();
        Assert.Equal(SharedState.MissingFile, SharedFolder.Find(shared.Path, "testvectors/renamed.json").State);
    }

    [Fact]
    public void Only_a_clone_without_shared_skips()
    {
        Assert.Equal(SharedState.NoSharedFolder, SharedFolder.Find(null, "testvectors/mia_memorised.json").State);
    }

    [Fact]
    public void A_present_file_is_found_with_its_full_path()
    {
        using var shared = new TempDirectory();
        File.WriteAllText(Path.Combine(shared.Path, "x.json"), "{}");
        Assert.Equal((SharedState.Present, Path.Combine(shared.Path, "x.json")), SharedFolder.Find(shared.Path, "x.json"));
    }
}
