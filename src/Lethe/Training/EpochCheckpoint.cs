using System.Text.Json;
using Lethe.IO;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Training state after each finished epoch (weights, optimiser momentum, the epochs' stats), so that a base model
/// interrupted after hours resumes at its next epoch instead of at epoch 1. Batches depend only on (seed, stream, epoch),
/// so a resumed model is the one an uninterrupted run would have made, to the bit at the same thread count.
/// The JSON file is written last and names the epoch's weight files: a crash mid-save leaves the previous state valid.
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
            model.load(WeightsPath(state.History.Count), strict: true);
            optimizer.load_state_dict(OptimizerPath(state.History.Count));
            return state.History;
        }
        catch (Exception e) when (e is IOException or JsonException or ArgumentException or InvalidOperationException)
        {
            Clear(); // A damaged state is retrained from scratch, never half-trusted.
            return [];
        }
    }

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
        AtomicFile.WriteAllText(StatePath, JsonSerializer.Serialize(new State(history.ToArray()), LetheJson.Options));
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

    private sealed record State(IReadOnlyList<EpochStats> History);
}
