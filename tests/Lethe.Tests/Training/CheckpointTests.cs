using Lethe.Models;
using Lethe.Tests.Support;
using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

public class CheckpointTests
{
    [Fact]
    public void Save_then_load_round_trips_weights_and_batchnorm_statistics()
    {
        using var dir = new TempDirectory();
        manual_seed(1);
        using var model = Networks.Create("resnet18", 8, CPU);
        using (var scope = NewDisposeScope())
        {
            model.train();
            model.call(rand(4, 3, 16, 16)); // moves BN running statistics away from their initial values
        }
        var path = Path.Combine(dir.Path, "m.ckpt");
        Checkpoint.Save(model, path);
        manual_seed(2);
        using var loaded = Networks.Create("resnet18", 8, CPU);
        Checkpoint.Load(loaded, path);

        model.eval();
        loaded.eval();
        using var input = rand(2, 3, 16, 16);
        using var expected = model.call(input);
        using var actual = loaded.call(input);
        Assert.True(expected.equal(actual).all().item<bool>());
    }

    [Fact]
    public void A_checkpoint_of_another_head_size_is_refused_with_the_file_named()
    {
        using var dir = new TempDirectory();
        using var eight = Networks.Create("resnet18", 8, CPU);
        var path = Path.Combine(dir.Path, "eight.ckpt");
        Checkpoint.Save(eight, path);
        using var three = Networks.Create("resnet18", 3, CPU);

        var error = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(three, path));
        Assert.Contains("eight.ckpt", error.Message);
    }

    [Fact]
    public void A_damaged_or_foreign_file_is_refused_with_what_is_wrong_not_a_count_read_from_its_first_byte()
    {
        using var dir = new TempDirectory();
        using var model = Networks.Create("resnet18", 8, CPU);
        var whole = Path.Combine(dir.Path, "whole.ckpt");
        Checkpoint.Save(model, whole);
        var bytes = File.ReadAllBytes(whole);
        var (text, cut, small) = (Path.Combine(dir.Path, "text.ckpt"), Path.Combine(dir.Path, "cut.ckpt"), Path.Combine(dir.Path, "small.ckpt"));
        File.WriteAllText(text, "hello world, this is not a checkpoint but it is long enough to be read as one" + new string('.', 2000));
        File.WriteAllBytes(cut, bytes[..(bytes.Length / 2)]);
        using var linear = TorchSharp.torch.nn.Linear(4, 2);
        linear.save(small);

        string Refusal(string path) => Assert.Throws<InvalidDataException>(() => Checkpoint.Load(model, path)).Message;

        Assert.Equal($"{text}: not a Lethe checkpoint of a ResNet-18 (its first entry is not one of the network's weights)", Refusal(text));
        Assert.Equal($"{cut}: the file ends early: damaged, or copied before it was complete", Refusal(cut));
        Assert.Equal($"{small}: not a Lethe checkpoint of a ResNet-18 (its first entry is not one of the network's weights)", Refusal(small));
    }

    [Fact]
    public void A_missing_checkpoint_names_the_path()
    {
        using var model = Networks.Create("resnet18", 8, CPU);
        var error = Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(model, "/nonexistent/x.ckpt"));
        Assert.Contains("/nonexistent/x.ckpt", error.Message);
    }

    [Fact]
    public void Cache_keys_change_with_anything_that_changes_the_model()
    {
        var key = SampleKey.Value;
        Assert.Equal(key.Hash(), (key with { }).Hash());
        Assert.NotEqual(key.Hash(), (key with { Seed = 43 }).Hash());
        Assert.NotEqual(key.Hash(), (key with { Recipe = TrainRecipe.Mufac with { Epochs = 29 } }).Hash());
        Assert.NotEqual(key.Hash(), (key with { TrainingSet = "other" }).Hash());
        Assert.NotEqual(key.Hash(), (key with { Role = "retrained" }).Hash());
    }

    [Fact]
    public void Cache_returns_what_it_stored_and_nothing_for_an_unknown_key()
    {
        using var dir = new TempDirectory();
        var cache = new CheckpointCache(dir.Path);
        var key = SampleKey.Value;
        using var model = Networks.Create("resnet18", 8, CPU);
        var info = new CheckpointInfo(key, [new EpochStats(1, 0.01, 1.5, 0.3, 100, TimeSpan.FromSeconds(2))], 2.0, DateTimeOffset.UnixEpoch);
        cache.Store(info, model);

        using var other = Networks.Create("resnet18", 8, CPU);
        var loaded = cache.TryLoad(key, other);
        Assert.NotNull(loaded);
        Assert.Equal(2.0, loaded.TrainSeconds);
        Assert.Equal(1.5, loaded.History[0].Loss);
        Assert.Null(cache.TryLoad(key with { Seed = 1 }, other));
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }
}

public class CheckpointCacheDamageTests
{
    [Fact]
    public void A_damaged_cache_entry_is_a_miss_with_the_reason_not_a_crash()
    {
        using var dir = new TempDirectory();
        var cache = new CheckpointCache(dir.Path);
        var key = SampleKey.Value;
        using var model = Networks.Create("resnet18", 8, CPU);
        cache.Store(new CheckpointInfo(key, [], 1.0, DateTimeOffset.UnixEpoch), model);
        File.WriteAllBytes(cache.WeightsPath(key), [1, 2, 3]);

        Assert.Null(cache.TryLoad(key, model));
        Assert.Contains(Path.GetFileName(cache.WeightsPath(key)), cache.LastRejection);
    }
}

public class CheckpointCacheVerificationTests
{
    /// <summary>Changes one byte in the middle of a file (inside a tensor, for a checkpoint), its length the same.</summary>
    internal static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>A cache in <paramref name="dir"/> holding <paramref name="model"/> under <see cref="SampleKey"/>.</summary>
    private static (CheckpointCache Cache, CheckpointKey Key) OneEntry(TempDirectory dir, nn.Module<Tensor, Tensor> model)
    {
        var cache = new CheckpointCache(dir.Path);
        cache.Store(new CheckpointInfo(SampleKey.Value, [], 1.0, DateTimeOffset.UnixEpoch), model);
        return (cache, SampleKey.Value);
    }

    [Fact]
    public void An_entry_whose_weights_changed_after_they_were_cached_is_a_miss_that_says_so()
    {
        using var dir = new TempDirectory();
        using var model = Networks.Create("resnet18", 8, CPU);
        var (cache, key) = OneEntry(dir, model);
        var length = new FileInfo(cache.WeightsPath(key)).Length;
        FlipByte(cache.WeightsPath(key));

        Assert.Null(cache.TryLoad(key, model));
        Assert.Equal(length, new FileInfo(cache.WeightsPath(key)).Length);
        Assert.StartsWith($"{cache.WeightsPath(key)}: changed after it was written (SHA-256 ", cache.LastRejection);
        Assert.DoesNotContain('\n', cache.LastRejection!);
    }

    [Fact]
    public void An_entry_of_an_older_lethe_without_a_hash_is_loaded_and_gains_one()
    {
        using var dir = new TempDirectory();
        using var model = Networks.Create("resnet18", 8, CPU);
        var (cache, key) = OneEntry(dir, model);
        var record = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(cache.InfoPath(key)))!.AsObject();
        record.Remove(nameof(CheckpointInfo.WeightsSha256));
        File.WriteAllText(cache.InfoPath(key), record.ToJsonString());

        Assert.NotNull(new CheckpointCache(dir.Path).TryLoad(key, model));
        FlipByte(cache.WeightsPath(key));
        Assert.Null(new CheckpointCache(dir.Path).TryLoad(key, model));
    }

    [Fact]
    public void The_first_load_removes_temp_files_a_killed_write_left_in_the_cache()
    {
        using var dir = new TempDirectory();
        var leftover = KilledWriter.LeaveTempFile(dir.Path, "original-0123.ckpt.e1.weights");
        var cache = new CheckpointCache(dir.Path);
        using var model = Networks.Create("resnet18", 8, CPU);

        Assert.Null(cache.TryLoad(SampleKey.Value, model));

        Assert.False(File.Exists(leftover));
        Assert.StartsWith($"removed {leftover}, left by a killed write", Assert.Single(cache.Leftovers));
    }
}

internal static class SampleKey
{
    public static CheckpointKey Value { get; } = new("data", "original", TrainRecipe.Mufac, 42, "resnet18", "age-8", 32, "aug", "CPU", 2);
}
