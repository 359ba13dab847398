using System.Diagnostics;
using Lethe.Diagnostics;
using Lethe.Data;
using Lethe.Experiments;

/// <summary>
/// How fast and in how much memory a MUFAC folder becomes cached pixels: one load into an empty decoded-image cache
/// (decode, resize, write), then one from that cache, each with its images/s and the peak resident memory of the
/// process so far. The data and its cache are those of `lethe benchmark`; the cache folder is temporary. Never part of
/// the build or the tests.
/// </summary>
internal static class DecodeBench
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: decode MUFAC_DIR [size]");
            return 2;
        }
        int size = args.Length > 1 ? int.Parse(args[1]) : 64;
        var cache = Directory.CreateTempSubdirectory("lethe-decode-bench-");
        try
        {
            Console.WriteLine($"MUFAC at {size} px from {args[0]}, {Environment.ProcessorCount} cores");
            Load("decode into an empty cache", args[0], size, cache.FullName);
            Load("read from the cache", args[0], size, cache.FullName);
            return 0;
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    private static void Load(string what, string root, int size, string cacheFolder)
    {
        var clock = Stopwatch.StartNew();
        using var cache = new TensorCache(cacheFolder);
        using var data = Mufac.Load(new MufacOptions(root, size), cache);
        int images = data.Train.Count + data.Test.Count + data.Unseen.Count;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{what}: {images} images in {seconds:F1} s ({images / seconds:F0} img/s); peak RSS so far {MemoryProbe.PeakMiB():F0} MiB");
    }
}
