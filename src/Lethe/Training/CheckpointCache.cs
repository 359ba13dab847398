using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lethe.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Everything that determines a trained base model. Its hash is the cache key, so a change to any of these (the
/// training set's samples and pixels, recipe, seed, architecture, image size, augmentation, device type, torch thread count: LibTorch's
/// CPU reductions give other bits at another thread count) trains a new model instead of
/// reusing a stale one.
/// </summary>
public sealed record CheckpointKey(
    string TrainingSet,
    string Role,
    TrainRecipe Recipe,
    long Seed,
    string Architecture,
    string Task,
    int ImageSize,
    string Augmentation,
    string Device,
    int Threads)
{
    /// <summary>
    /// Raised whenever Lethe's training numerics change (2: batches are built with one torch thread), so that models
    /// cached by an older version are not reused as if they were this version's.
    /// </summary>
    public const int NumericsVersion = 2;

    /// <summary>Part of the hash; see <see cref="NumericsVersion"/>.</summary>
    public int Numerics { get; init; } = NumericsVersion;

    public string Hash()
    {
        var json = JsonSerializer.Serialize(this);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..20].ToLowerInvariant();
    }
}

/// <summary>What is stored beside a cached checkpoint: how it was made and how training went.</summary>
public sealed record CheckpointInfo(CheckpointKey Key, IReadOnlyList<EpochStats> History, double TrainSeconds, DateTimeOffset Created);

/// <summary>
/// Base models trained once per <see cref="CheckpointKey"/> and reused by every method and every later run.
/// The weights file is written before its sidecar, so a sidecar means a complete entry.
/// </summary>
public sealed class CheckpointCache(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Why the last <see cref="TryLoad"/> rejected an entry that was present (null when none was).</summary>
    public string? LastRejection { get; private set; }

    public string WeightsPath(CheckpointKey key) => Path.Combine(Directory, $"{key.Role}-{key.Hash()}.ckpt");

    public string InfoPath(CheckpointKey key) => Path.Combine(Directory, $"{key.Role}-{key.Hash()}.json");

    /// <summary>Loads the cached weights into <paramref name="model"/> and returns their info, or null when absent.</summary>
    public CheckpointInfo? TryLoad(CheckpointKey key, nn.Module<Tensor, Tensor> model)
    {
        if (!File.Exists(InfoPath(key)) || !File.Exists(WeightsPath(key))) return null;
        try
        {
            var info = JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(InfoPath(key)), LetheJson.Options);
            if (info is null) return null;
            Checkpoint.Load(model, WeightsPath(key));
            return info;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            // A damaged or older-format entry is a cache miss, not a failed run. The caller retrains into a fresh
            // model, because a failed strict load may have filled part of this one.
            LastRejection = $"{WeightsPath(key)}: {e.Message}";
            return null;
        }
    }

    /// <summary>
    /// The record a cache entry keeps beside its weights (X.json beside X.ckpt), for a checkpoint given by its path
    /// (`lethe evaluate`): null when there is none or it is not such a record.
    /// </summary>
    public static CheckpointInfo? InfoBeside(string weightsFile) =>
        // Some other JSON file of the same name is no record of this model's making.
        LetheJson.TryRead<CheckpointInfo>(Path.ChangeExtension(weightsFile, ".json"), out _) is { Key: not null } info ? info : null;

    public void Store(CheckpointInfo info, nn.Module<Tensor, Tensor> model)
    {
        Checkpoint.Save(model, WeightsPath(info.Key));
        AtomicFile.WriteAllText(InfoPath(info.Key), JsonSerializer.Serialize(info, LetheJson.Options));
    }
}
