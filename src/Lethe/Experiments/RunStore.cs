using System.Text.Json;
using Lethe.IO;

namespace Lethe.Experiments;

/// <summary>
/// Finished model results of a run, one JSON file each, written atomically as soon as a model is done. A rerun of the
/// same spec (same result hash) picks them up instead of recomputing, so an interrupted run loses nothing it finished.
/// Each model's per-sample losses (what the attack sees) go beside it in "&lt;slug&gt;.losses.json", so a report can draw
/// their histograms without the weights.
/// </summary>
public sealed class RunStore(string directory, string resultHash)
{
    private static JsonSerializerOptions Json => LetheJson.Options;

    /// <summary>The folder of a run directory that holds the per-model files.</summary>
    public const string ModelsFolder = "models";

    private string PathOf(string label) =>
        Path.Combine(directory, ModelsFolder, $"{Slug(label)}.json");

    public ModelResult? TryGet(string label) =>
        ReadStored<StoredResult>(PathOf(label)) is { } stored && stored.ResultHash == resultHash ? stored.Result : null;

    public void Put(ModelResult result)
    {
        // Losses first: once a result file exists its losses do too, even if the run stops between the two writes.
        if (result.Evaluation.Losses.Count > 0)
            AtomicFile.WriteAllText(LossesPath(directory, result.Label),
                JsonSerializer.Serialize(new StoredLosses(resultHash, result.Evaluation.Losses), Json));
        AtomicFile.WriteAllText(PathOf(result.Label), JsonSerializer.Serialize(new StoredResult(resultHash, result), Json));
    }

    /// <summary>The per-sample losses by set ("forget", "unseen", "test") stored for a model, or null if absent or stale.</summary>
    public IReadOnlyDictionary<string, float[]>? TryGetLosses(string label) =>
        ReadStored<StoredLosses>(LossesPath(directory, label)) is { } stored && stored.ResultHash == resultHash ? stored.Losses : null;

    public static string LossesPath(string runDirectory, string label) =>
        Path.Combine(runDirectory, ModelsFolder, $"{Slug(label)}.losses.json");

    public static string Slug(string label) =>
        new string(label.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    private static T? ReadStored<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null; // A file from an older format is recomputed rather than trusted.
        }
    }

    private sealed record StoredResult(string ResultHash, ModelResult Result);

    private sealed record StoredLosses(string ResultHash, IReadOnlyDictionary<string, float[]> Losses);
}
