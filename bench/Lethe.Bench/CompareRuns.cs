using System.Text.Json.Nodes;
using Lethe.Evaluation;

/// <summary>
/// Compares two run folders written by `lethe benchmark` from the same options (say, before and after a refactoring of
/// the engine): every models/*.json less what a rerun may change (timings, memory, host, cache provenance), every
/// *.losses.json byte for byte, and every φ Parquet file row for row with its metadata less the Lethe version string
/// (it names the commit). Prints one line per difference and a summary; exit 0 when everything agrees.
/// Usage: dotnet run -c Release --project bench/Lethe.Bench -- compare-runs DIR_A DIR_B [--allow-added]
/// With --allow-added, a field B has and A lacks (a newer Lethe's new metric or typed fact) is listed once, not counted
/// as a difference; every field both have must still agree. With --allow-new-hash, the result hash (in the results, the
/// loss files and the φ metadata) may differ, and is listed once: a newer Lethe whose spec gained a setting (the
/// relearning settings) hashes the same options otherwise; the loss files are then compared value for value.
/// </summary>
internal static class CompareRuns
{
    /// <summary>Fields a rerun of the same model may change without the model or its numbers changing.</summary>
    private static bool _allowAdded;

    private static bool _allowNewHash;

    /// <summary>The result hashes seen on either side when they may differ.</summary>
    private static readonly HashSet<string> Hashes = [];

    /// <summary>Fields found only in B, by path without indices.</summary>
    private static readonly HashSet<string> Added = [];

    private static readonly HashSet<string> Volatile =
    [
        "Seconds", "TotalSeconds", "EvaluationSeconds", "SpeedUp", "PeakMemoryMiB", "Elapsed", "ImagesPerSecond", "ResidentMiB",
        "FromCache", "CachedAt", "Host", "Started", "Finished",
    ];

    public static int Run(string[] args)
    {
        (_allowAdded, _allowNewHash) = (args.Contains("--allow-added"), args.Contains("--allow-new-hash"));
        args = args.Where(a => a is not ("--allow-added" or "--allow-new-hash")).ToArray();
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: compare-runs DIR_A DIR_B [--allow-added] [--allow-new-hash]");
            return 2;
        }
        var (a, b) = (Path.Combine(args[0], "models"), Path.Combine(args[1], "models"));
        var names = Directory.GetFiles(a).Select(Path.GetFileName).Union(Directory.GetFiles(b).Select(Path.GetFileName)).Order().ToArray();
        int same = 0, differ = 0;
        foreach (var name in names)
        {
            var (left, right) = (Path.Combine(a, name!), Path.Combine(b, name!));
            string? problem = !File.Exists(left) || !File.Exists(right) ? "only in one folder"
                : name!.EndsWith(".parquet") ? ComparePhi(left, right)
                : name.EndsWith(".losses.json") && !_allowNewHash ? (File.ReadAllBytes(left).AsSpan().SequenceEqual(File.ReadAllBytes(right)) ? null : "bytes differ")
                : CompareResult(left, right);
            if (problem is null) same++;
            else
            {
                differ++;
                Console.WriteLine($"{name}: {problem}");
            }
        }
        if (Hashes.Count > 0) Console.WriteLine($"result hashes that differ (allowed): {string.Join(", ", Hashes.Order())}");
        if (Added.Count > 0) Console.WriteLine($"fields only in B (allowed): {string.Join(", ", Added.Order())}");
        Console.WriteLine($"{same} files agree, {differ} differ ({names.Length} compared)");
        return differ == 0 ? 0 : 1;
    }

    private static string? CompareResult(string left, string right)
    {
        var (x, y) = (Strip(JsonNode.Parse(File.ReadAllText(left))), Strip(JsonNode.Parse(File.ReadAllText(right))));
        return FirstDifference(x, y, "$") is { } where ? $"results differ beyond timings at {where}" : null;
    }

    /// <summary>The path of the first place two JSON trees differ, with both values; null when they are equal.</summary>
    private static string? FirstDifference(JsonNode? x, JsonNode? y, string path)
    {
        switch (x, y)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    if (_allowAdded && !a.ContainsKey(key))
                    {
                        Added.Add(System.Text.RegularExpressions.Regex.Replace($"{path}.{key}", @"\[\d+\]", "[]"));
                        continue;
                    }
                    if (FirstDifference(a[key], b[key], $"{path}.{key}") is { } inside) return inside;
                }
                return null;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                    if (FirstDifference(a[i], b[i], $"{path}[{i}]") is { } inside) return inside;
                return null;
            default:
                return JsonNode.DeepEquals(x, y) ? null : $"{path}: {Short(x)} vs {Short(y)}";
        }
    }

    private static string Short(JsonNode? node) => node?.ToJsonString() is { } text ? text.Length > 120 ? text[..120] + "…" : text : "(absent)";

    private static JsonNode? Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).Where(Volatile.Contains).ToArray()) o.Remove(key);
                if (_allowNewHash && o["ResultHash"] is { } hash)
                {
                    o.Remove("ResultHash");
                    Hashes.Add(hash.ToJsonString());
                }
                foreach (var (_, value) in o) Strip(value);
                break;
            case JsonArray array:
                foreach (var item in array) Strip(item);
                break;
        }
        return node;
    }

    private static string? ComparePhi(string left, string right)
    {
        var (x, y) = (PhiTable.Read(left), PhiTable.Read(right));
        if (!x.Rows.SequenceEqual(y.Rows)) return $"φ rows differ ({x.Rows.Count} and {y.Rows.Count} rows)";
        var keys = x.Metadata.Keys.Union(y.Metadata.Keys).Where(k => k != PhiMetadata.Version && !(_allowNewHash && k == PhiMetadata.ResultHash));
        var changed = keys.Where(k => x.Metadata.GetValueOrDefault(k) != y.Metadata.GetValueOrDefault(k)).ToArray();
        return changed.Length == 0 ? null
            : "φ metadata differs: " + string.Join("; ", changed.Select(k => $"{k}: '{x.Metadata.GetValueOrDefault(k)}' vs '{y.Metadata.GetValueOrDefault(k)}'"));
    }
}
