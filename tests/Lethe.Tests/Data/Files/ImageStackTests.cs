using Lethe.Data;
using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Files;

public sealed class ImageStackTests
{
    private static readonly string[] Files = ["0.jpg", "1.jpg", "2.jpg", "3.jpg", "4.jpg"];

    [Fact]
    public void Rows_follow_the_file_order_whatever_the_thread_count_and_block_size()
    {
        using var temp = new TempDirectory();
        WriteImages(temp.Path);
        var progress = new List<DecodeProgress>();

        using var one = ImageStack.Decode(temp.Path, Files, 4, threads: 1);
        using var two = ImageStack.Decode(temp.Path, Files, 4, new SyncProgress(progress), threads: 2, blockSize: 2);

        Assert.Equal([5L, 3, 4, 4], two.shape);
        Assert.True(one.eq(two).all().item<bool>());
        Assert.Equal([new(2, 5), new(4, 5), new DecodeProgress(5, 5)], progress);
        var red = two.select(1, 0).select(1, 0).select(1, 0).data<byte>().ToArray();
        Assert.All(red.Select((value, i) => Math.Abs(value - Red(i))), d => Assert.True(d <= 2));
    }

    [Fact]
    public void The_first_broken_file_in_order_is_reported()
    {
        using var temp = new TempDirectory();
        WriteImages(temp.Path);
        TestJpeg.WriteTruncated(Path.Combine(temp.Path, "3.jpg"));
        TestJpeg.WriteTruncated(Path.Combine(temp.Path, "1.jpg"));

        var error = Assert.Throws<DataFileException>(() => ImageStack.Decode(temp.Path, Files, 4, threads: 2));

        Assert.Equal(Path.Combine(temp.Path, "1.jpg"), error.File);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void The_cache_key_changes_with_size_order_content_and_modification_time()
    {
        using var temp = new TempDirectory();
        WriteImages(temp.Path);
        string Key(IReadOnlyList<string> files, int size = 8) => ImageStack.CacheKey("test", temp.Path, files, size);
        var original = Key(Files);

        Assert.Equal(original, Key(Files));
        Assert.StartsWith("test-8px-", original);
        Assert.NotEqual(original, Key(Files, 16));
        Assert.NotEqual(original, Key(Enumerable.Reverse(Files).ToArray()));
        Assert.NotEqual(original, Key(Files[..4]));
        File.SetLastWriteTimeUtc(Path.Combine(temp.Path, "2.jpg"), new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var touched = Key(Files);
        Assert.NotEqual(original, touched);
        File.AppendAllText(Path.Combine(temp.Path, "2.jpg"), " ");
        Assert.NotEqual(touched, Key(Files));
        // The key is a plain file name, so the cache file shows which dataset and size it holds.
        using var cache = new TensorCache(temp.Path);
        Assert.Equal(original + ".tensor", Path.GetFileName(cache.PathOf(original)));
    }

    private static int Red(int i) => 20 + 50 * i;

    private static void WriteImages(string folder)
    {
        for (int i = 0; i < Files.Length; i++)
            File.WriteAllBytes(Path.Combine(folder, Files[i]), TestJpeg.Solid(12, 12, (byte)Red(i), 90, 30));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and before the assert.</summary>
    private sealed class SyncProgress(List<DecodeProgress> reports) : IProgress<DecodeProgress>
    {
        public void Report(DecodeProgress value) => reports.Add(value);
    }
}
