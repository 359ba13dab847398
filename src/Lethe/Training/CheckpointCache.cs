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
public sealed record CheckpointInfo(CheckpointKey Key, IReadOnlyList<EpochStats> History, double TrainSeconds, DateTimeOffset Created)
{
    /// <summary>The SHA-256 of the weights file as stored, checked before the weights are loaded. Null in records
    /// written before Lethe recorded it: such an entry is loaded as before and its record gains the hash then.</summary>
    public string? WeightsSha256 { get; init; }
}

/// <summary>
/// Base models trained once per <see cref="CheckpointKey"/> and reused by every method and every later run.
/// The weights file is written before its sidecar, and the sidecar records the weights' SHA-256, so a sidecar means a
/// complete entry and an entry whose weights changed afterwards (a few bytes inside a tensor) is retrained, not used.
/// </summary>
public sealed class CheckpointCache(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>Why the last <see cref="TryLoad"/> rejected an entry that was present (null when none was).</summary>
    public string? LastRejection { get; private set; }

    /// <summary>
    /// What the first <see cref="TryLoad"/> of this instance cleared from the cache folder, one line each: temp files of
    /// killed writes, and the per-epoch training state of models whose entry is complete (left when a run was killed
    /// between storing the model and clearing its epochs). See <see cref="RemoveLeftovers"/>.
    /// </summary>
    public IReadOnlyList<string> Leftovers { get; private set; } = [];

    private bool _swept;

    public string WeightsPath(CheckpointKey key) => Path.Combine(Directory, $"{key.Role}-{key.Hash()}.ckpt");

    public string InfoPath(CheckpointKey key) => Path.Combine(Directory, $"{key.Role}-{key.Hash()}.json");

    /// <summary>Loads the cached weights into <paramref name="model"/> and returns their info, or null when absent.</summary>
    public CheckpointInfo? TryLoad(CheckpointKey key, nn.Module<Tensor, Tensor> model)
    {
        if (!_swept) Leftovers = RemoveLeftovers();
        _swept = true;
        if (!File.Exists(InfoPath(key)) || !File.Exists(WeightsPath(key))) return null;
        try
        {
            var info = JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(InfoPath(key)), LetheJson.Options);
            if (info is null) return null;
            var sha256 = FileHash.Sha256(WeightsPath(key));
            if (info.WeightsSha256 is { } recorded && FileHash.Differ(sha256, recorded) is { } changed)
            {
                LastRejection = $"{WeightsPath(key)}: {changed}";
                return null;
            }
            Checkpoint.Load(model, WeightsPath(key));
            if (info.WeightsSha256 is null) info = Upgrade(info, sha256);
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
    /// <summary>
    /// The cache record beside <paramref name="weightsFile"/> when it describes these very weights: a record whose
    /// recorded SHA-256 differs from the file's is no record of them (null, with why in <paramref name="mismatch"/>).
    /// </summary>
    public static CheckpointInfo? VerifiedInfoBeside(string weightsFile, out string? mismatch)
    {
        mismatch = null;
        if (InfoBeside(weightsFile) is not { } info) return null;
        if (info.WeightsSha256 is { } recorded && FileHash.Differ(FileHash.Sha256(weightsFile), recorded) is { } changed)
        {
            mismatch = $"{weightsFile}: {changed}, so its cache record (image size, recipe) does not describe it";
            return null;
        }
        return info;
    }

    public static CheckpointInfo? InfoBeside(string weightsFile) =>
        // Some other JSON file of the same name is no record of this model's making.
        LetheJson.TryRead<CheckpointInfo>(Path.ChangeExtension(weightsFile, ".json"), out _) is { Key: not null } info ? info : null;

    public void Store(CheckpointInfo info, nn.Module<Tensor, Tensor> model)
    {
        Checkpoint.Save(model, WeightsPath(info.Key));
        WriteInfo(info with { WeightsSha256 = FileHash.Sha256(WeightsPath(info.Key)) });
    }

    /// <summary>
    /// Removes what killed runs left in the cache folder (not its data/ and cells/ sub-folders, which have their own
    /// owners): temp files whose writer is gone (<see cref="TempFiles.RemoveLeftovers"/>), and the per-epoch training
    /// state (X.ckpt.eN.weights, .optim, .progress.json) of an entry X whose record exists, once untouched for
    /// <see cref="TempFiles.StaleAfter"/> (a run still retraining X writes it more often than that). Returns one line per
    /// file removed or left.
    /// </summary>
    public IReadOnlyList<string> RemoveLeftovers()
    {
        var said = TempFiles.RemoveLeftovers(Directory).ToList();
        if (!System.IO.Directory.Exists(Directory)) return said;
        foreach (var record in System.IO.Directory.EnumerateFiles(Directory, "*.json").Where(f => !f.EndsWith(".progress.json", StringComparison.Ordinal)))
        {
            var weights = Path.ChangeExtension(record, ".ckpt");
            if (!File.Exists(weights)) continue;
            foreach (var epoch in System.IO.Directory.EnumerateFiles(Directory, Path.GetFileName(weights) + ".*"))
            {
                if (!(epoch.EndsWith(".weights", StringComparison.Ordinal) || epoch.EndsWith(".optim", StringComparison.Ordinal)
                        || epoch.EndsWith(".progress.json", StringComparison.Ordinal))
                    || DateTime.UtcNow - File.GetLastWriteTimeUtc(epoch) <= TempFiles.StaleAfter) continue;
                try
                {
                    File.Delete(epoch);
                    said.Add($"removed {epoch}: training state of a model the cache already holds, left by a killed run");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
        return said;
    }

    /// <summary>An entry written before records held the weights' hash gains it now, so later changes are noticed; a
    /// cache this process cannot write is read as it is.</summary>
    private CheckpointInfo Upgrade(CheckpointInfo info, string sha256)
    {
        var upgraded = info with { WeightsSha256 = sha256 };
        try { WriteInfo(upgraded); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return upgraded;
    }

    private void WriteInfo(CheckpointInfo info) => AtomicFile.WriteAllText(InfoPath(info.Key), JsonSerializer.Serialize(info, LetheJson.Options));
}
