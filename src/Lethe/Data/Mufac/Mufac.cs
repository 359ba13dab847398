using System.Security.Cryptography;
using System.Text;
using Lethe.Data.Files;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>
/// The MUFAC benchmark from its released folder (spec §2): train, test (the `val` files) and unseen (the `test` files);
/// forget and retain partition train. Images are decoded and resized once and kept in the tensor cache.
/// </summary>
public static class Mufac
{
    public const string Name = "mufac";

    /// <summary>Raised when a change to the loader changes pixels or rows, so that old cache entries miss.</summary>
    private const int LoaderVersion = 1;

    public static BenchmarkData Load(MufacOptions options, TensorCache cache)
    {
        MufacLayout.RequireRoot(options.Root);
        var skipped = new List<string>();
        var train = LoadSplit(options, MufacLayout.Train, cache, skipped);
        var test = LoadSplit(options, MufacLayout.Test, cache, skipped);
        var unseen = LoadSplit(options, MufacLayout.Unseen, cache, skipped);
        var forgetRows = options.Forget.Select(train.Samples.Select(s => s.Identity).ToArray(), options.Seed);
        var forgetSet = forgetRows.ToHashSet();
        var retainRows = Enumerable.Range(0, train.Count).Where(i => !forgetSet.Contains(i)).ToArray();
        return new BenchmarkData
        {
            Name = Name,
            Task = MultiClassTask.AgeGroups,
            Train = train,
            Forget = train.Subset(forgetRows),
            Retain = train.Subset(retainRows),
            Test = test,
            Unseen = unseen,
            Fingerprint = Fingerprint(options, train, test, unseen, forgetRows),
            Skipped = skipped,
        };
    }

    private static ImageSet LoadSplit(MufacOptions options, MufacSplitFiles split, TensorCache cache, List<string> skipped)
    {
        var rows = MufacCsv.Read(options.Root, split);
        var key = CacheKey(rows, options.ImageSize);
        Tensor pixels;
        IReadOnlyList<(int Index, DataFileException Problem)> failures = [];
        bool owned = false;
        try
        {
            pixels = cache.GetOrCreate(key, () =>
            {
                var (decoded, bad) = ImageDecoding.DecodeAll(rows.Select(r => r.ImagePath).ToArray(), options.ImageSize);
                // A set with bad images is never cached: the next run must see (and report) the same problems.
                return bad.Count == 0 ? decoded : throw new BadImages(decoded.DetachFromDisposeScope(), bad);
            });
        }
        catch (BadImages bad)
        {
            (pixels, failures, owned) = (bad.Pixels, bad.Failures, true);
        }
        var keep = KeepRows(rows, failures, options.SkipBad, skipped);
        var samples = keep.Select(i => new Sample(rows[i].FileName, rows[i].Identity, [rows[i].Label])).ToArray();
        using var index = tensor(keep.Select(i => (long)i).ToArray(), ScalarType.Int64);
        var mine = keep.Count == rows.Count ? pixels.clone() : pixels.index_select(0, index);
        if (owned) pixels.Dispose();
        return new ImageSet(samples, mine);
    }

    private static IReadOnlyList<int> KeepRows(IReadOnlyList<MufacRow> rows, IReadOnlyList<(int Index, DataFileException Problem)> failures,
        bool skipBad, List<string> skipped)
    {
        if (failures.Count == 0) return Enumerable.Range(0, rows.Count).ToArray();
        if (!skipBad)
        {
            var (index, problem) = failures[0];
            var more = failures.Count > 1 ? $" (and {failures.Count - 1} more bad images; `lethe datasets check` lists them, --skip-bad leaves them out)" : "";
            throw new DataFileException(rows[index].Csv, rows[index].Line, $"{problem.Message}{more}", problem);
        }
        skipped.AddRange(failures.Select(f => $"{rows[f.Index].Where}: skipped: {f.Problem.Message}"));
        var bad = failures.Select(f => f.Index).ToHashSet();
        return Enumerable.Range(0, rows.Count).Where(i => !bad.Contains(i)).ToArray();
    }

    /// <summary>Every row, the size and time of every image file, the target size: any change misses the cache.</summary>
    private static string CacheKey(IReadOnlyList<MufacRow> rows, int size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Name}/v{LoaderVersion}/{size}\n"));
        foreach (var row in rows)
        {
            var file = new FileInfo(row.ImagePath);
            long length = file.Exists ? file.Length : -1, ticks = file.Exists ? file.LastWriteTimeUtc.Ticks : 0;
            hash.AppendData(Encoding.UTF8.GetBytes($"{row.ImagePath}|{length}|{ticks}\n"));
        }
        return $"{Name}-{size}-{Convert.ToHexStringLower(hash.GetHashAndReset())[..24]}";
    }

    private static string Fingerprint(MufacOptions options, ImageSet train, ImageSet test, ImageSet unseen, IReadOnlyList<int> forget)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{Name}/v{LoaderVersion}/{options.ImageSize}/{options.Forget}/{options.Seed}\n"));
        foreach (var set in new[] { train, test, unseen })
        {
            foreach (var s in set.Samples) hash.AppendData(Encoding.UTF8.GetBytes($"{s.Name},{s.Identity},{s.Labels[0]}\n"));
            using var flat = set.Pixels.contiguous().flatten();
            hash.AppendData(flat.bytes);
        }
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join(",", forget)));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>Carries decoded pixels past the cache when some images were bad, so that they are reported, not stored.</summary>
internal sealed class BadImages(Tensor pixels, IReadOnlyList<(int Index, DataFileException Problem)> failures) : Exception
{
    public Tensor Pixels { get; } = pixels;

    public IReadOnlyList<(int Index, DataFileException Problem)> Failures { get; } = failures;
}

/// <summary>Where MUFAC is and how to cut it.</summary>
public sealed record MufacOptions(string Root, int ImageSize = 128, ForgetSelection? ForgetSet = null, long Seed = 42, bool SkipBad = false)
{
    public ForgetSelection Forget => ForgetSet ?? ForgetSelection.MufacDefault;
}
