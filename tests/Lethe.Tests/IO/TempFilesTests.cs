using Lethe.IO;
using Lethe.Tests.Support;

namespace Lethe.Tests.IO;

public class TempFilesTests
{
    [Fact]
    public void Should_remove_a_temp_file_whose_writer_on_this_host_is_gone_and_say_so()
    {
        using var dir = new TempDirectory();
        var leftover = KilledWriter.LeaveTempFile(dir.Path, "original-abc.ckpt");
        var pid = leftover.Split('.')[^3].Split('@')[0];

        var said = TempFiles.RemoveLeftovers(dir.Path);

        Assert.False(File.Exists(leftover));
        Assert.Equal($"removed {leftover}, left by a killed write (process {pid} is gone)", Assert.Single(said));
    }

    [Fact]
    public void Should_leave_a_temp_file_a_live_process_of_this_host_writes_without_a_word()
    {
        using var dir = new TempDirectory();
        var live = TempFiles.For(Path.Combine(dir.Path, "results.json"));
        File.WriteAllText(live, "being written");

        Assert.Empty(TempFiles.RemoveLeftovers(dir.Path));
        Assert.True(File.Exists(live));
    }

    [Fact]
    public void Should_leave_a_recent_temp_file_of_an_unknown_writer_and_remove_it_once_untouched_for_long()
    {
        using var dir = new TempDirectory();
        var unknown = Path.Combine(dir.Path, $"faces.tensor.{Guid.NewGuid():N}.tmp"); // an older Lethe's name: no writer
        File.WriteAllText(unknown, "half");

        Assert.StartsWith($"left {unknown} alone: another process may still be writing it", Assert.Single(TempFiles.RemoveLeftovers(dir.Path)));
        Assert.True(File.Exists(unknown));

        File.SetLastWriteTimeUtc(unknown, DateTime.UtcNow.AddHours(-3));
        Assert.Equal($"removed {unknown}, left by a killed write (untouched for 3 h)", Assert.Single(TempFiles.RemoveLeftovers(dir.Path)));
        Assert.False(File.Exists(unknown));
    }
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class WritableFolderTests
{
    [Fact]
    public void Should_find_a_missing_folder_writable_where_it_would_be_created_and_create_nothing()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "a", "b");

        Assert.Null(WritableFolder.Problem(missing));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Should_name_the_folder_that_cannot_be_written()
    {
        using var readOnly = new ReadOnlyFolder();

        var problem = WritableFolder.Problem(Path.Combine(readOnly.Path, "out"));

        Assert.NotNull(problem);
        Assert.EndsWith($" in {readOnly.Path}", problem);
        Assert.Empty(Directory.GetFileSystemEntries(readOnly.Path));
    }
}
