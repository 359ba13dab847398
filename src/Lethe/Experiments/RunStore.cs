using System.Text.Json;
using Lethe.Audit;
using Lethe.IO;
using Lethe.Evaluation;

namespace Lethe.Experiments;

/// <summary>
/// Finished model results of a run, one JSON file each, written atomically as soon as a model is done. A rerun of the
/// same spec (same result hash) picks them up instead of recomputing, so an interrupted run loses nothing it finished.
/// Each model's per-sample losses (what the attack sees) go beside it in "&lt;slug&gt;.losses.json", so a report can draw
/// their histograms without the weights, and its φ table (every example's φ, what the audit scores) in
/// "&lt;slug&gt;.phi.parquet", stamped with the model's label, the result hash and <paramref name="phiMetadata"/>.
/// </summary>
/// <param name="directory">The run's folder (the files go to its "models" subfolder).</param>
/// <param name="resultHash">The run's result hash: a stored file from another hash is stale and not used.</param>
/// <param name="phiMetadata">What the φ files carry besides label and hash (dataset, task, image size, seeds: see
/// <see cref="PhiMetadata"/>).</param>
public sealed class RunStore(string directory, string resultHash, IReadOnlyDictionary<string, string>? phiMetadata = null)
{
    private static JsonSerializerOptions Json => LetheJson.Options;

    /// <summary>The folder of a run directory that holds the per-model files.</summary>
    public const string ModelsFolder = "models";

    private string PathOf(string label) =>
        Path.Combine(directory, ModelsFolder, $"{Slug(label)}.json");

    public ModelResult? TryGet(string label) => TryGet(label, out _);

    /// <summary>The model's stored result of this run, or null: absent, of another run (its result hash), or unusable.</summary>
    /// <param name="label">The model's label.</param>
    /// <param name="unusable">Why a stored file was there but could not be read (damaged, or an older format), so a
    /// resume that makes the model again can say so; null otherwise.</param>
    public ModelResult? TryGet(string label, out string? unusable) =>
        LetheJson.TryRead<StoredResult>(PathOf(label), out unusable) is { } stored && stored.ResultHash == resultHash ? stored.Result : null;

    public void Put(ModelResult result)
    {
        // φ and losses first: once a result file exists they do too, even if the run stops between the writes.
        if (result.Evaluation.Phi.Count > 0)
            PhiTable.Write(PhiPath(directory, result.Label), result.Evaluation.Phi, PhiMetadataOf(result.Label));
        if (result.Evaluation.Losses.Count > 0)
            AtomicFile.WriteAllText(LossesPath(directory, result.Label),
                JsonSerializer.Serialize(new StoredLosses(resultHash, result.Evaluation.Losses), Json));
        AtomicFile.WriteAllText(PathOf(result.Label), JsonSerializer.Serialize(new StoredResult(resultHash, result), Json));
    }

    /// <summary>The per-sample losses by set ("forget", "unseen", "test") stored for a model, or null if absent or stale.</summary>
    public IReadOnlyDictionary<string, float[]>? TryGetLosses(string label) =>
        LetheJson.TryRead<StoredLosses>(LossesPath(directory, label), out _) is { } stored && stored.ResultHash == resultHash ? stored.Losses : null;

    public static string LossesPath(string runDirectory, string label) =>
        Path.Combine(runDirectory, ModelsFolder, $"{Slug(label)}.losses.json");

    /// <summary>True when the model's φ file exists, is readable and carries this run's result hash and the label.</summary>
    public bool HasCurrentPhi(string label)
    {
        var path = PhiPath(directory, label);
        if (!File.Exists(path)) return false;
        try
        {
            var metadata = PhiTable.ReadMetadata(path);
            return metadata.GetValueOrDefault(PhiMetadata.ResultHash) == resultHash && metadata.GetValueOrDefault(PhiMetadata.Model) == label;
        }
        catch (InvalidDataException)
        {
            return false; // A damaged file is rewritten, not trusted.
        }
    }

    /// <summary>The model's φ table: "&lt;run&gt;/models/&lt;slug&gt;.phi.parquet".</summary>
    public static string PhiPath(string runDirectory, string label) =>
        Path.Combine(runDirectory, ModelsFolder, $"{Slug(label)}.phi.parquet");

    public static string Slug(string label) =>
        new string(label.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');

    private Dictionary<string, string> PhiMetadataOf(string label)
    {
        var metadata = phiMetadata?.ToDictionary() ?? [];
        metadata[PhiMetadata.Model] = label;
        metadata[PhiMetadata.ResultHash] = resultHash;
        metadata[PhiMetadata.Definition] = PhiMetadata.DefinitionText;
        return metadata;
    }

    private sealed record StoredResult(string ResultHash, ModelResult Result);

    private sealed record StoredLosses(string ResultHash, IReadOnlyDictionary<string, float[]> Losses);
}
