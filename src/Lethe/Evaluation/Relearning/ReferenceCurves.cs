using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lethe.IO;

namespace Lethe.Evaluation.Relearning;

/// <summary>
/// The Original's and Retrained's relearning curves, which are the same for every method of a run: computed once per
/// base model and settings, kept in this process and in &lt;cache&gt;/relearn/&lt;key&gt;.json (written atomically), so a
/// second method, a second run or a second process on the same cache reads them. Two cells of one process asking at
/// once compute it once (the second waits); two processes may both compute it, to the same numbers.
/// </summary>
public static class ReferenceCurves
{
    private static readonly ConcurrentDictionary<string, Lazy<RelearnCurve>> Memo = new();

    /// <summary>
    /// The key of a reference's curve: <paramref name="modelKey"/> (a stable name of its weights: a checkpoint key's hash, a
    /// file's SHA-256), the settings, the data, the seed, the image size and the torch thread count (results repeat only
    /// at the same count).
    /// </summary>
    /// <param name="threads">The torch thread count the curve is made at; null = the current one.</param>
    public static string Key(string modelKey, RelearnSetup setup, int? threads = null)
    {
        var text = string.Join("\n", modelKey, JsonSerializer.Serialize(setup.Options), setup.DataKey, setup.EffectiveSeed,
            setup.Retain.Height, threads ?? TorchSharp.torch.get_num_threads(), "relearn-v1");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20];
    }

    /// <summary>Forgets the curves held in this process (the files stay): a test of the file cache, a long-lived host.</summary>
    public static void ClearMemory() => Memo.Clear();

    /// <summary>A curve is held per cache folder as well as per key: what one cache holds says nothing of another (two
    /// runs, or two tests, with caches of their own each find and report their own).</summary>
    private static string MemoKey(string key, string? directory) => $"{directory}|{key}";

    /// <summary>Whether the curve under <paramref name="key"/> is held, in this process or in <paramref name="directory"/>,
    /// so that asking for it costs no relearning.</summary>
    public static bool IsStored(string key, string? directory) =>
        Memo.TryGetValue(MemoKey(key, directory), out var held) && held.IsValueCreated
        || directory is not null && LetheJson.TryRead<RelearnCurve>(PathOf(directory, key), out string? _) is { Steps.Count: > 0 };

    /// <summary>The curve under <paramref name="key"/>, or <paramref name="compute"/>'s, stored.</summary>
    /// <param name="directory">The cache folder, or null for this process only.</param>
    /// <param name="fromCache">Whether the curve was found (in this process or on disk) rather than computed.</param>
    public static RelearnCurve GetOrCompute(string key, string? directory, Func<RelearnCurve> compute, out bool fromCache)
    {
        var made = false;
        var lazy = Memo.GetOrAdd(MemoKey(key, directory), _ => new Lazy<RelearnCurve>(() =>
        {
            var path = directory is null ? null : PathOf(directory, key);
            if (path is not null && LetheJson.TryRead<RelearnCurve>(path, out string? _) is { Steps.Count: > 0 } stored) return stored;
            made = true;
            var curve = compute();
            // A diverged curve is kept in this process only: the next run tries again rather than inherit a failure.
            if (path is not null && curve.Divergence is null)
                AtomicFile.WriteAllText(path, JsonSerializer.Serialize(curve, LetheJson.Options));
            return curve;
        }));
        try
        {
            var value = lazy.Value;
            fromCache = !made;
            return value;
        }
        catch
        {
            Memo.TryRemove(MemoKey(key, directory), out _); // a cancelled or failed computation is not remembered
            throw;
        }
    }

    private static string PathOf(string directory, string key) => Path.Combine(directory, "relearn", key + ".json");
}
