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
    public void Should_reload_the_same_tensor_from_disk_in_a_fresh_cache_without_creating_it_again()
    {
        using var expected = Pixels();
        using (var first = new TensorCache(directory) { ChunkBytes = 100 })
            first.GetOrCreate("faces-abc123", () => expected.clone());

        using var second = new TensorCache(directory) { ChunkBytes = 37 };
        var loaded = second.GetOrCreate("faces-abc123", () => throw new InvalidOperationException("should come from disk"));

        Assert.Equal(ScalarType.Byte, loaded.dtype);
        Assert.Equal(expected.shape, loaded.shape);
        Assert.True(loaded.eq(expected).all().item<bool>());
        Assert.Same(loaded, second.GetOrCreate("faces-abc123", () => throw new InvalidOperationException("should come from memory")));
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }

    [Theory]
    [InlineData("flip-a-byte")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public void Should_delete_and_recreate_a_damaged_file(string damage)
    {
        using var expected = Pixels();
        string path;
        using (var first = new TensorCache(directory))
        {
            first.GetOrCreate("key1", () => expected.clone());
            path = first.PathOf("key1");
        }
        Damage(path, damage);

        var created = 0;
        using var second = new TensorCache(directory);
        var loaded = second.GetOrCreate("key1", () => { created++; return expected.clone(); });

        Assert.Equal(1, created);
        Assert.NotNull(second.LastRejection);
        Assert.True(loaded.eq(expected).all().item<bool>());
        using var third = new TensorCache(directory);
        Assert.True(third.GetOrCreate("key1", () => throw new InvalidOperationException("file should be whole again")).eq(expected).all().item<bool>());
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

        var error = Assert.Throws<ArgumentException>(() => cache.GetOrCreate("floats", () => ones(2, 2)));
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
