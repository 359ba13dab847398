using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Fills in BatchNorm's num_batches_tracked where a file has none, as PyTorch's strict load_state_dict does: the
/// counter came with BatchNorm's layout version 2 (PyTorch 0.4.1), and _NormBase._load_from_state_dict adds it as
/// tensor(0) for a module whose recorded version is older or absent. A file whose metadata says version 2 but lacks
/// the counter was edited, and PyTorch refuses it as a missing key; so does Lethe (checked with PyTorch 1.13,
/// tests/Lethe.Tests/Training/Fixtures/make_pth_fixtures.py).
/// </summary>
internal static class BatchNormCounters
{
    private const string Counter = ".num_batches_tracked";

    /// <param name="file">The file's weights.</param>
    /// <param name="model">The model's state_dict, whose counters say which are BatchNorm layers.</param>
    public static StateDictFile Fill(StateDictFile file, IReadOnlyDictionary<string, Tensor> model)
    {
        var missing = model.Keys
            .Where(k => k.EndsWith(Counter, StringComparison.Ordinal) && !file.Tensors.ContainsKey(k))
            .Where(k => !(file.Versions.TryGetValue(k[..^Counter.Length], out var version) && version >= 2))
            .ToList();
        if (missing.Count == 0) return file;
        var tensors = new Dictionary<string, Tensor>(file.Tensors);
        foreach (var key in missing) tensors[key] = zeros_like(model[key]);
        return file with
        {
            Tensors = tensors,
            Changes = [.. file.Changes, $"set {missing.Count} missing BatchNorm num_batches_tracked to 0, as PyTorch does for files saved before 0.4.1"],
        };
    }
}
