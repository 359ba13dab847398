using Lethe.Data;
using static TorchSharp.torch;

namespace Lethe.Tests.Data;

public sealed class TensorCacheTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "lethe-cache-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    private static Tensor Pixels()
    {
        using var random = new Generator(9);
        return randint(0, 256, [5, 3, 7, 9], dtype: ScalarType.Byte, generator: random);
    }

    [Fact]
    public void Should_reload_the_same_tensor_from_disk_in_a_fresh_cache()
    {
        using var expected = Pixels();
        using (var first = new TensorCache(directory) { ChunkBytes = 100 })
            first.Store("faces-abc123", expected);

        using var second = new TensorCache(directory) { ChunkBytes = 37 };
        var loaded = second.TryGet("faces-abc123");

        Assert.NotNull(loaded);
        Assert.Equal(ScalarType.Byte, loaded.dtype);
        Assert.Equal(expected.shape, loaded.shape);
        Assert.True(loaded.eq(expected).all().item<bool>());
        Assert.Same(loaded, second.TryGet("faces-abc123"));
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Fact]
    public void Should_miss_a_key_it_never_stored()
    {
        using var cache = new TensorCache(directory);

        Assert.Null(cache.TryGet("never-stored"));
        Assert.Null(cache.LastRejection);
    }

    [Fact]
    public void Should_share_the_storage_of_a_stored_tensor_and_outlive_the_callers_handle()
    {
        using var cache = new TensorCache(directory);
        var mine = Pixels();
        using var copy = mine.clone();

        var kept = cache.Store("shared", mine);
        mine.Dispose();

        Assert.True(kept.eq(copy).all().item<bool>());
        Assert.Same(kept, cache.Store("shared", copy));
    }

    [Theory]
    [InlineData("flip-a-byte")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public void Should_delete_a_damaged_file_and_miss(string damage)
    {
        using var expected = Pixels();
        string path;
        using (var first = new TensorCache(directory))
        {
            first.Store("key1", expected);
            path = first.PathOf("key1");
        }
        Damage(path, damage);

        using var second = new TensorCache(directory);
        Assert.Null(second.TryGet("key1"));
        Assert.NotNull(second.LastRejection);
        Assert.False(File.Exists(path));
        second.Store("key1", expected);

        using var third = new TensorCache(directory);
        Assert.True(third.TryGet("key1")!.eq(expected).all().item<bool>());
    }

    [Fact]
    public void Should_reject_a_file_with_one_byte_changed_inside_its_pixels_and_list_it()
    {
        using var expected = Pixels();
        string path;
        using (var first = new TensorCache(directory))
        {
            first.Store("key1", expected);
            path = first.PathOf("key1");
        }
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01; // inside the pixels: the length stays right
        File.WriteAllBytes(path, bytes);

        using var second = new TensorCache(directory);

        Assert.Null(second.TryGet("key1"));
        Assert.Equal($"{path}: checksum mismatch", Assert.Single(second.Rejections));
    }

    [Fact]
    public void Should_remove_a_temp_file_of_a_killed_write_when_opened()
    {
        var leftover = Lethe.Tests.Support.KilledWriter.LeaveTempFile(directory, "key1.tensor");

        using var cache = new TensorCache(directory);

        Assert.False(File.Exists(leftover));
        Assert.StartsWith($"removed {leftover}", Assert.Single(cache.Leftovers));
    }

    [Fact]
    public void Should_keep_keys_that_are_not_file_names_inside_the_directory()
    {
        using var cache = new TensorCache(directory);

        var path = cache.PathOf("../../etc/passwd");

        Assert.Equal(Path.GetFullPath(directory), Path.GetDirectoryName(path));
    }

    [Fact]
    public void Should_refuse_tensors_that_are_not_uint8()
    {
        using var cache = new TensorCache(directory);

        using var floats = ones(2, 2);
        var error = Assert.Throws<ArgumentException>(() => cache.Store("floats", floats));
        Assert.Contains("Float32", error.Message);
    }

    private static void Damage(string path, string how)
    {
        var bytes = File.ReadAllBytes(path);
        switch (how)
        {
            case "flip-a-byte": bytes[bytes.Length / 2] ^= 0x40; break;
            case "truncate": bytes = bytes[..(bytes.Length - 10)]; break;
            default: bytes = "not a tensor at all"u8.ToArray(); break;
        }
        File.WriteAllBytes(path, bytes);
    }
}
