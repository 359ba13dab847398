using System.Collections;
using Razorvine.Pickle.Objects;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Finds the state_dict in what torch.save was given, as people save them: the dict itself; a trainer's checkpoint
/// that holds it under a key beside the epoch, the optimizer's state, scores and the run's arguments ({"state_dict":
/// ..., "args": Namespace(...), "best_acc": numpy.float64(...)}), whose other entries are skipped and named;
/// and keys that all carry one prefix, such as "module." (DataParallel, DistributedDataParallel) and "_orig_mod."
/// (torch.compile), or both.
/// </summary>
internal static class StateDictUnwrap
{
    /// <summary>Where trainers put the weights, tried in this order when a checkpoint holds more than one dict of tensors.</summary>
    private static readonly string[] WeightKeys = ["state_dict", "model"];

    /// <param name="saved">What <see cref="TorchSaveArchive.Read"/> returned.</param>
    /// <param name="modelKeys">The model's state_dict keys: a prefix is removed only while it is not a module of the
    /// model (so fc.* of a file holding only the head stays fc.*). Null removes none.</param>
    /// <param name="path">The file, for messages.</param>
    /// <exception cref="InvalidDataException">No weights, several candidates, or a non-tensor among the weights.</exception>
    public static StateDictFile Unwrap(object? saved, IEnumerable<string>? modelKeys, string path)
    {
        if (saved is ClassDict { ClassName: var model } whole && whole.ContainsKey("_modules"))
            throw new InvalidDataException($"{path}: holds a whole {model} saved with torch.save(model), not a state_dict; re-save its " +
                $"weights in Python, from a file you trust, with torch.save(torch.load(\"{Path.GetFileName(path)}\", weights_only=False).state_dict(), \"weights.pth\")");
        if (saved is not Hashtable top)
            throw new InvalidDataException($"{path}: not a state_dict Lethe can read (it holds a {PythonValues.Describe(saved)}, not a dict)");
        var changes = new List<string>();
        var weights = HoldsTensors(top) ? top : Wrapped(top, path, changes);
        var tensors = Tensors(weights, path);
        var metadata = (weights as PickledOrderedDict)?.Metadata;
        var prefix = modelKeys is null ? "" : SharedPrefix(tensors.Keys, [.. modelKeys.Select(FirstPart)]);
        if (prefix.Length > 0)
        {
            tensors = tensors.ToDictionary(e => e.Key[prefix.Length..], e => e.Value);
            changes.Add($"removed the prefix '{prefix}' from every key");
        }
        return new StateDictFile(tensors, Versions(metadata, prefix), changes);
    }

    private static bool HoldsTensors(Hashtable dict) => dict.Values.OfType<Tensor>().Any();

    /// <summary>The one entry of a trainer's checkpoint that is a dict of tensors.</summary>
    private static Hashtable Wrapped(Hashtable top, string path, List<string> changes)
    {
        var candidates = top.Cast<DictionaryEntry>()
            .Where(e => e.Value is Hashtable inner && HoldsTensors(inner))
            .Select(e => e.Key.ToString()!).Order(StringComparer.Ordinal).ToList();
        var chosen = candidates.Count == 1 ? candidates[0] : WeightKeys.FirstOrDefault(candidates.Contains);
        if (chosen is null && candidates.Count == 0)
            throw new InvalidDataException($"{path}: holds no weights (no dict of tensors); its top-level keys are {Keys(top.Keys.Cast<object>())}. " +
                "Save the model's weights with torch.save(model.state_dict(), \"weights.pth\")");
        if (chosen is null)
            throw new InvalidDataException($"{path}: holds several dicts of tensors ({string.Join(", ", candidates)}); re-save the one " +
                $"you mean with torch.save(torch.load(\"{Path.GetFileName(path)}\")[\"{candidates[0]}\"], \"weights.pth\")");
        changes.Add($"took the weights under '{chosen}'" + Skipped(top, chosen));
        return (Hashtable)top[chosen]!;
    }

    /// <summary>" and skipped 2 other entries: args (argparse.Namespace), best_acc (numpy scalar)", or "" when there are none.</summary>
    private static string Skipped(Hashtable top, string chosen)
    {
        var skipped = top.Cast<DictionaryEntry>().Where(e => e.Key.ToString() != chosen)
            .Select(e => $"{e.Key} ({PythonValues.Describe(e.Value)})").Order(StringComparer.Ordinal).ToList();
        return skipped.Count == 0 ? "" : $" and skipped {skipped.Count} other {(skipped.Count == 1 ? "entry" : "entries")}: {string.Join(", ", skipped)}";
    }

    private static string Keys(IEnumerable<object> keys) =>
        keys.Any() ? string.Join(", ", keys.Select(k => k.ToString()).Order(StringComparer.Ordinal)) : "none (an empty dict)";

    private static Dictionary<string, Tensor> Tensors(Hashtable weights, string path)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in weights)
        {
            if (entry.Key is not string key || entry.Value is not Tensor tensor)
                throw new InvalidDataException($"{path}: entry '{entry.Key}' ({PythonValues.Describe(entry.Value)}) is not a tensor");
            tensors[key] = tensor;
        }
        return tensors;
    }

    /// <summary>The first part of a key (conv1 of conv1.weight): a module of the model, or a wrapper's name.</summary>
    private static string FirstPart(string key) => key.Split('.', 2)[0];

    /// <summary>"module." while every key starts with it and the model has no module of that name; repeated ("module._orig_mod.").</summary>
    private static string SharedPrefix(IEnumerable<string> keys, HashSet<string> modelModules)
    {
        var rest = keys.ToList();
        var prefix = "";
        while (rest.Count > 0 && rest.All(k => k.Contains('.')) && rest.Select(FirstPart).Distinct().Count() == 1
            && !modelModules.Contains(FirstPart(rest[0])))
        {
            prefix += FirstPart(rest[0]) + ".";
            rest = [.. rest.Select(k => k.Split('.', 2)[1])];
        }
        return prefix;
    }

    /// <summary>The _metadata versions by module path, with the removed prefix removed from the paths too.</summary>
    private static Dictionary<string, long> Versions(Hashtable? metadata, string prefix)
    {
        var versions = new Dictionary<string, long>();
        foreach (DictionaryEntry entry in metadata ?? new Hashtable())
        {
            if (entry.Key is not string module || entry.Value is not Hashtable { } fields || fields["version"] is not (int or long)) continue;
            var unprefixed = module + "." == prefix ? "" : module.StartsWith(prefix, StringComparison.Ordinal) ? module[prefix.Length..] : null;
            if (unprefixed is not null) versions[unprefixed] = Convert.ToInt64(fields["version"]);
        }
        return versions;
    }
}
