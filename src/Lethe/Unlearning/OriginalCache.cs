using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>
/// Values that depend only on the Original and its training data, kept for the life of the process so that a second
/// forget request on the same Original does not pay for them again (SSD's global importances: a gradient pass over the
/// whole training set). An entry is keyed by a hash of the Original's weights and buffers and of a description of
/// everything else it depends on, so a changed model or data set never sees a stale value. The most recent
/// <see cref="Capacity"/> entries are kept; an evicted entry is left to the garbage collector, because a method on
/// another thread may still be reading it.
/// </summary>
internal static class OriginalCache
{
    public const int Capacity = 4;

    private static readonly object Gate = new();
    private static readonly LinkedList<(string Key, object Value)> Entries = new();

    /// <summary>The cached value for (<paramref name="original"/>, <paramref name="description"/>), computed once;
    /// the description names everything else the value depends on (data, view, batch size, device).</summary>
    public static T GetOrAdd<T>(nn.Module original, string description, Func<T> compute) where T : class
    {
        var key = $"{Fingerprint(original)}/{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(description)))}";
        lock (Gate)
            if (Entries.FirstOrDefault(e => e.Key == key).Value is T cached)
                return cached;
        var value = compute();
        lock (Gate)
        {
            Entries.AddFirst((key, value));
            while (Entries.Count > Capacity) Entries.RemoveLast();
        }
        return value;
    }

    /// <summary>SHA-256 over every parameter and buffer, in state-dict order.</summary>
    public static string Fingerprint(nn.Module model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var scope = NewDisposeScope();
        foreach (var (name, tensor) in model.state_dict())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(tensor.detach().cpu().contiguous().bytes);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
