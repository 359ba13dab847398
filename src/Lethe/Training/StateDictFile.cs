using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>The weights found in a checkpoint, keyed as the model names them, and what was done to find them.</summary>
/// <param name="Tensors">Key → tensor, with any wrapper and shared key prefix removed.</param>
/// <param name="Versions">
/// Module path (as in <paramref name="Tensors"/>, "" for the root) → the layout version the state_dict's _metadata
/// records for it; a module missing here had no version (a plain dict has none for any).
/// </param>
/// <param name="Changes">What was unwrapped or filled in, one phrase each, in the order it was done.</param>
internal sealed record StateDictFile(
    IReadOnlyDictionary<string, Tensor> Tensors, IReadOnlyDictionary<string, long> Versions, IReadOnlyList<string> Changes)
{
    /// <summary>One line for the user, or null when the file was a plain state_dict.</summary>
    public string? Note(string path) => Changes.Count == 0 ? null : $"{path}: {string.Join("; ", Changes)}";
}
