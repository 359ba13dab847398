using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Pairs the tensors of a PyTorch state_dict with a model's parameters and buffers, and refuses the file, naming the key,
/// unless every key the model needs is present, none is unknown, and every shape agrees. PyBridge's own loader checks
/// none of the shapes and writes the file's bytes through a view of the target, so this runs before anything is copied.
/// </summary>
internal static class StateDictMatch
{
    /// <summary>The reference's multi-label model wraps its linear head in a module of its own, named fc.</summary>
    public const string NestedHead = "fc.fc.";

    public const string FlatHead = "fc.";

    /// <summary>The model's key of a file key: fc.fc.* is the nested form of fc.*.</summary>
    public static string ModelKey(string fileKey) => fileKey.StartsWith(NestedHead) ? FlatHead + fileKey[NestedHead.Length..] : fileKey;

    /// <summary>The file key of a model key, with the head's keys under <paramref name="headPrefix"/>.</summary>
    public static string FileKey(string modelKey, string headPrefix) =>
        modelKey.StartsWith(FlatHead) ? headPrefix + modelKey[FlatHead.Length..] : modelKey;

    /// <summary>
    /// (file key, model key) for every model tensor. <paramref name="task"/> names the head in errors, as the user typed it.
    /// </summary>
    /// <exception cref="InvalidDataException">A key is missing, unknown or doubled, or a shape or dtype disagrees.</exception>
    public static IReadOnlyList<(string FileKey, string ModelKey)> Pair(
        IReadOnlyDictionary<string, Tensor> file, IReadOnlyDictionary<string, Tensor> model, string path, string task)
    {
        var pairs = new Dictionary<string, string>(); // model key -> file key
        foreach (var fileKey in file.Keys.Order(StringComparer.Ordinal))
        {
            var modelKey = ModelKey(fileKey);
            if (!pairs.TryAdd(modelKey, fileKey))
                throw new InvalidDataException($"{path}: has both {pairs[modelKey]} and {fileKey}, which are the same tensor");
        }
        RequireNone(pairs.Where(p => !model.ContainsKey(p.Key)).Select(p => p.Value), path, "unexpected key", "which a torchvision resnet18 does not have");
        RequireNone(model.Keys.Where(k => !pairs.ContainsKey(k)), path, "missing key", $"which resnet18 for task '{task}' needs");
        foreach (var (modelKey, target) in model) // in the model's order, so the head's weight comes before its bias
            RequireSameKind(pairs[modelKey], file[pairs[modelKey]], target, path, Owner(modelKey, task));
        return [.. model.Keys.Select(k => (pairs[k], k))];
    }

    private static void RequireNone(IEnumerable<string> keys, string path, string what, string why)
    {
        var list = keys.ToList();
        if (list.Count == 0) return;
        var more = list.Count > 1 ? $" (and {list.Count - 1} more)" : "";
        throw new InvalidDataException($"{path}: {what} {list[0]}{more}, {why}");
    }

    private static void RequireSameKind(string fileKey, Tensor source, Tensor target, string path, string owner)
    {
        if (!source.shape.SequenceEqual(target.shape))
            throw new InvalidDataException($"{path}: {fileKey} has shape {Shape(source)} but {owner} needs {Shape(target)}");
        // A float16 or float64 export still loads (copy_ converts); an integer counter must stay an integer.
        if (source.dtype != target.dtype && !(source.is_floating_point() && target.is_floating_point()))
            throw new InvalidDataException($"{path}: {fileKey} has dtype {source.dtype} but {owner} needs {target.dtype}");
    }

    /// <summary>"converted 62 float16 tensors to float32": what copying <paramref name="pairs"/> converted, or null if nothing.</summary>
    public static string? Conversions(IEnumerable<(string FileKey, string ModelKey)> pairs, IReadOnlyDictionary<string, Tensor> file,
        IReadOnlyDictionary<string, Tensor> model)
    {
        var kinds = pairs.Select(p => (From: file[p.FileKey].dtype, To: model[p.ModelKey].dtype)).Where(c => c.From != c.To)
            .GroupBy(c => c).Select(g => $"{g.Count()} {Name(g.Key.From)} tensor{(g.Count() == 1 ? "" : "s")} to {Name(g.Key.To)}").ToList();
        return kinds.Count == 0 ? null : $"converted {string.Join(" and ", kinds)}";
    }

    private static string Name(ScalarType dtype) => dtype.ToString().ToLowerInvariant();

    /// <summary>Whom a tensor's shape depends on: the head's on the task, the rest on the architecture.</summary>
    private static string Owner(string modelKey, string task) => modelKey.StartsWith(FlatHead) ? $"task '{task}'" : "resnet18";

    private static string Shape(Tensor tensor) => $"[{string.Join(",", tensor.shape)}]";
}
