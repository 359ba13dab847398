using Lethe.IO;
using Lethe.Tests.Support;

namespace Lethe.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void A_failed_write_leaves_the_previous_file_and_no_temp_file()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "results.json");
        AtomicFile.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, temp =>
        {
            File.WriteAllText(temp, "half");
            throw new InvalidOperationException("interrupted");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Writes_create_missing_folders()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "a", "b", "x.txt");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Fact]
    public void A_target_that_is_a_folder_is_refused_by_name_before_writing()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(dir.Path, "new"));
        Assert.Equal($"{dir.Path} is a folder; give a file name", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
