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

        Assert.Equal([5L, 3, 4, 4], two.Pixels.shape);
        Assert.True(one.Pixels.eq(two.Pixels).all().item<bool>());
        Assert.Empty(two.Failures);
        Assert.Equal([new(2, 5), new(4, 5), new DecodeProgress(5, 5)], progress);
        var red = two.Pixels.select(1, 0).select(1, 0).select(1, 0).data<byte>().ToArray();
        Assert.All(red.Select((value, i) => Math.Abs(value - Red(i))), d => Assert.True(d <= 2));
    }

    [Fact]
    public void Broken_files_are_listed_in_file_order_and_their_rows_stay_black()
    {
        using var temp = new TempDirectory();
        WriteImages(temp.Path);
        TestJpeg.WriteTruncated(Path.Combine(temp.Path, "3.jpg"));
        File.Delete(Path.Combine(temp.Path, "1.jpg"));

        using var decoded = ImageStack.Decode(temp.Path, Files, 4, null, threads: 2, blockSize: 2);

        Assert.Equal([1, 3], decoded.Failures.Select(f => f.Index));
        Assert.Equal(Path.Combine(temp.Path, "1.jpg"), decoded.Failures[0].Problem.File);
        Assert.Contains("not found", decoded.Failures[0].Problem.Message);
        Assert.Contains("truncated", decoded.Failures[1].Problem.Message);
        Assert.Equal(0, decoded.Pixels[1].max().item<byte>());
        Assert.Equal(0, decoded.Pixels[3].max().item<byte>());
        Assert.True(decoded.Pixels[4].max().item<byte>() > 0);
    }

    [Fact]
    public void Load_decodes_once_and_then_reads_the_cache()
    {
        using var temp = new TempDirectory();
        var images = ImageFolder(temp);
        var key = ImageStack.CacheKey("test", images, Files, 4);
        using (var cache = new TensorCache(Path.Combine(temp.Path, "cache")))
        using (ImageStack.Load(cache, key, images, Files, 4)) { }
        // Only a decode would notice this image is gone.
        File.Delete(Path.Combine(images, "2.jpg"));

        using var again = new TensorCache(Path.Combine(temp.Path, "cache"));
        using var cached = ImageStack.Load(again, key, images, Files, 4);

        Assert.Empty(cached.Failures);
        Assert.Equal([5L, 3, 4, 4], cached.Pixels.shape);
        Assert.True(cached.Pixels[2].max().item<byte>() > 0);
    }

    [Fact]
    public void Load_does_not_cache_a_set_with_a_bad_image()
    {
        using var temp = new TempDirectory();
        var images = ImageFolder(temp);
        TestJpeg.WriteTruncated(Path.Combine(images, "0.jpg"));
        using var cache = new TensorCache(Path.Combine(temp.Path, "cache"));

        using var decoded = ImageStack.Load(cache, ImageStack.CacheKey("test", images, Files, 4), images, Files, 4);

        Assert.Equal(0, Assert.Single(decoded.Failures).Index);
        Assert.False(Directory.Exists(cache.Directory) && Directory.EnumerateFiles(cache.Directory).Any());
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

    [Fact]
    public void Should_decode_again_when_the_file_a_link_points_to_is_rewritten()
    {
        // Given an image folder whose 2.jpg is a symbolic link to a photo kept elsewhere, decoded once into the cache
        using var temp = new TempDirectory();
        var images = ImageFolder(temp);
        var photo = Path.Combine(temp.Path, "kept-elsewhere.jpg");
        File.WriteAllBytes(photo, TestJpeg.Solid(12, 12, 200, 90, 30));
        File.Delete(Path.Combine(images, "2.jpg"));
        File.CreateSymbolicLink(Path.Combine(images, "2.jpg"), photo);
        using var cache = new TensorCache(Path.Combine(temp.Path, "cache"));
        var before = ImageStack.CacheKey("test", images, Files, 4);
        using (ImageStack.Load(cache, before, images, Files, 4)) { }

        // When that photo is rewritten (the link itself is untouched)
        File.WriteAllBytes(photo, TestJpeg.Solid(14, 14, 10, 90, 30));
        File.SetLastWriteTimeUtc(photo, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        // Then the key changes, so the next load decodes the new pixels rather than serving the old
        var after = ImageStack.CacheKey("test", images, Files, 4);
        Assert.NotEqual(before, after);
        using var reloaded = ImageStack.Load(cache, after, images, Files, 4);
        Assert.InRange(reloaded.Pixels[2, 0, 0, 0].item<byte>(), (byte)5, (byte)15);
    }

    private static int Red(int i) => 20 + 50 * i;

    /// <summary>An images/ folder under <paramref name="temp"/> holding <see cref="Files"/>, beside room for a cache.</summary>
    private static string ImageFolder(TempDirectory temp)
    {
        var images = Directory.CreateDirectory(Path.Combine(temp.Path, "images")).FullName;
        WriteImages(images);
        return images;
    }

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
