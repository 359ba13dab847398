using System.Text.Json;
using Lethe.IO;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Training state after each finished epoch (weights, optimiser momentum, the epochs' stats), so that a base model
/// interrupted after hours resumes at its next epoch instead of at epoch 1. Batches depend only on (seed, stream, epoch),
/// so a resumed model is the one an uninterrupted run would have made, to the bit at the same thread count.
/// The JSON file is written last and names the epoch's weight files with their SHA-256: a crash mid-save leaves the
/// previous state valid, and a state whose files changed after they were written is trained again from epoch 1.
/// </summary>
public sealed class EpochCheckpoint(string prefix)
{
    private string StatePath => prefix + ".progress.json";

    private string WeightsPath(int epochs) => $"{prefix}.e{epochs}.weights";

    private string OptimizerPath(int epochs) => $"{prefix}.e{epochs}.optim";

    /// <summary>Loads the last saved state into the model and optimiser; returns the finished epochs' stats, or none.</summary>
    public IReadOnlyList<EpochStats> TryResume(nn.Module<Tensor, Tensor> model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        if (!File.Exists(StatePath)) return [];
        try
        {
            var state = ReadState();
            if (state is null || state.History.Count == 0) return [];
            if ((Changed(WeightsPath(state.History.Count), state.WeightsSha256) ?? Changed(OptimizerPath(state.History.Count), state.OptimizerSha256)) is { } changed)
            {
                LastRejection = changed;
                Clear();
                return [];
            }
            model.load(WeightsPath(state.History.Count), strict: true);
            optimizer.load_state_dict(OptimizerPath(state.History.Count));
            return state.History;
        }
        catch (Exception e) when (e is IOException or JsonException or ArgumentException or InvalidOperationException)
        {
            LastRejection = $"{StatePath}: {e.Message}";
            Clear(); // A damaged state is retrained from scratch, never half-trusted.
            return [];
        }
    }

    /// <summary>Why the last <see cref="TryResume"/> threw away a saved state (null when it did not).</summary>
    public string? LastRejection { get; private set; }

    /// <summary>Why a saved file is not the one the state recorded; null when it is, or when the state (written by an
    /// older Lethe) recorded no hash.</summary>
    private static string? Changed(string path, string? sha256) =>
        sha256 is null ? null : FileHash.Mismatch(path, sha256) is { } why ? $"{path}: {why}" : null;

    /// <summary>The finished epochs' stats as last saved, without loading any weights (for watching a run from
    /// another process); none when nothing was saved or the state cannot be read.</summary>
    public IReadOnlyList<EpochStats> Finished()
    {
        try
        {
            return File.Exists(StatePath) ? ReadState()?.History ?? [] : [];
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return [];
        }
    }

    public void Save(nn.Module<Tensor, Tensor> model, TorchSharp.Modules.OptimizerHelper optimizer, IReadOnlyList<EpochStats> history)
    {
        int epochs = history.Count;
        AtomicFile.Write(WeightsPath(epochs), temp => model.save(temp));
        AtomicFile.Write(OptimizerPath(epochs), temp => optimizer.save_state_dict(temp));
        var state = new State(history.ToArray(), FileHash.Sha256(WeightsPath(epochs)), FileHash.Sha256(OptimizerPath(epochs)));
        AtomicFile.WriteAllText(StatePath, JsonSerializer.Serialize(state, LetheJson.Options));
        DeleteEpoch(epochs - 1);
    }

    /// <summary>Removes every file of this checkpoint (after the finished model is stored).</summary>
    public void Clear()
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(prefix))!;
        if (!Directory.Exists(directory)) return;
        var name = Path.GetFileName(prefix);
        foreach (var file in Directory.EnumerateFiles(directory, name + ".*"))
            if (file.EndsWith(".weights") || file.EndsWith(".optim") || file.EndsWith(".progress.json")) File.Delete(file);
    }

    private void DeleteEpoch(int epochs)
    {
        if (epochs < 1) return;
        File.Delete(WeightsPath(epochs));
        File.Delete(OptimizerPath(epochs));
    }

    private State? ReadState() => JsonSerializer.Deserialize<State>(File.ReadAllText(StatePath), LetheJson.Options);

    private sealed record State(IReadOnlyList<EpochStats> History, string? WeightsSha256 = null, string? OptimizerSha256 = null);
}
