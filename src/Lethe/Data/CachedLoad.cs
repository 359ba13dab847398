namespace Lethe.Data;

/// <summary>A file dataset's load through the decoded-image cache, telling what the cache found.</summary>
public static class CachedLoad
{
    /// <summary>Opens the cache in <paramref name="folder"/>, loads, and reports each leftover and rejection (see <see cref="IDataset.Load"/>).</summary>
    public static BenchmarkData With(string folder, Action<string>? cacheNote, Func<TensorCache, BenchmarkData> load)
    {
        using var cache = new TensorCache(folder);
        foreach (var line in cache.Leftovers) cacheNote?.Invoke($"image cache: {line}");
        var data = load(cache);
        foreach (var line in cache.Rejections) cacheNote?.Invoke($"image cache: {line}; decoded again");
        return data;
    }
}
