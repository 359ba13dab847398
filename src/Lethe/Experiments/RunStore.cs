using System.Text.Json;
using Lethe.IO;

namespace Lethe.Experiments;

/// <summary>
/// Finished model results of a run, one JSON file each, written atomically as soon as a model is done. A rerun of the
/// same spec (same result hash) picks them up instead of recomputing, so an interrupted run loses nothing it finished.
/// </summary>
public sealed class RunStore(string directory, string resultHash)
{
    private static JsonSerializerOptions Json => LetheJson.Options;

    private string ModelsDirectory => Path.Combine(directory, "models");

    private string PathOf(string label) =>
        Path.Combine(ModelsDirectory, $"{Slug(label)}.json");

    public ModelResult? TryGet(string label)
    {
        var path = PathOf(label);
        if (!File.Exists(path)) return null;
        try
        {
            var stored = JsonSerializer.Deserialize<StoredResult>(File.ReadAllText(path), Json);
            return stored?.ResultHash == resultHash ? stored.Result : null;
        }
        catch (JsonException)
        {
            return null; // A result from an older format is recomputed rather than trusted.
        }
    }

    public void Put(ModelResult result) =>
        AtomicFile.WriteAllText(PathOf(result.Label), JsonSerializer.Serialize(new StoredResult(resultHash, result), Json));

    public static string Slug(string label) =>
        new string(label.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    private sealed record StoredResult(string ResultHash, ModelResult Result);
}
