using System.Security.Cryptography;
using System.Text;
using Lethe.Data.Checks;
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
        var forgetRows = options.Forget.Select(train.Set.Samples.Select(s => s.Identity).ToArray(), options.Seed);
        if (options.ExcludeDuplicates)
            (train, test, unseen, forgetRows) = WithoutDuplicates(train, test, unseen, forgetRows, skipped);
        return Assemble(options, train.Set, test.Set, unseen.Set, forgetRows, skipped);
    }

    private static BenchmarkData Assemble(MufacOptions options, ImageSet train, ImageSet test, ImageSet unseen,
        IReadOnlyList<int> forgetRows, IReadOnlyList<string> skipped)
    {
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
            Notes = skipped,
        };
    }

    /// <summary>Leaves out the copies <see cref="DuplicateExclusion"/> names, listing each in <paramref name="notes"/>.</summary>
    private static (LoadedSplit, LoadedSplit, LoadedSplit, IReadOnlyList<int>) WithoutDuplicates(
        LoadedSplit train, LoadedSplit test, LoadedSplit unseen, IReadOnlyList<int> forgetRows, List<string> notes)
    {
        var forget = forgetRows.ToHashSet();
        var listed = train.Rows.Select((r, i) => (forget.Contains(i) ? "forget" : "retain", r))
            .Concat(test.Rows.Select(r => ("test", r))).Concat(unseen.Rows.Select(r => ("unseen", r))).ToArray();
        // Every image was just decoded by the loader, so a problem here is a file changed under us: stop.
        var fingerprints = ImageFingerprint.OfAll(listed.Select(l => (l.Item1, l.r.Where, l.r.ImagePath, l.r.Identity)).ToArray(),
            (_, e) => throw e);
        var excluded = DuplicateExclusion.Decide(DuplicateFinder.Find(fingerprints));
        notes.AddRange(excluded.Select(e => e.Reason));
        var gone = excluded.Select(e => e.Image.Where).ToHashSet();
        var keptTrain = Enumerable.Range(0, train.Rows.Count).Where(i => !gone.Contains(train.Rows[i].Where)).ToArray();
        var newForget = keptTrain.Select((row, position) => (row, position)).Where(p => forget.Contains(p.row)).Select(p => p.position).ToArray();
        return (train.Keep(keptTrain), test.Keep(test.Without(gone)), unseen.Keep(unseen.Without(gone)), newForget);
    }

    private static LoadedSplit LoadSplit(MufacOptions options, MufacSplitFiles split, TensorCache cache, List<string> skipped)
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
        return new LoadedSplit(keep.Select(i => rows[i]).ToArray(), new ImageSet(samples, mine));
    }

    private static IReadOnlyList<int> KeepRows(IReadOnlyList<MufacRow> rows, IReadOnlyList<(int Index, DataFileException Problem)> failures,
        bool skipBad, List<string> skipped)
    {
        if (failures.Count == 0) return Enumerable.Range(0, rows.Count).ToArray();
        // A missing image fails to decode too; its row says better why (and which name comes closest).
        string Why((int Index, DataFileException Problem) f) => rows[f.Index].Missing ?? f.Problem.Message;
        if (!skipBad)
        {
            var (index, problem) = failures[0];
            var more = failures.Count > 1 ? $" (and {failures.Count - 1} more bad images; `lethe datasets check` lists them, --skip-bad leaves them out)" : "";
            throw new DataFileException(rows[index].Csv, rows[index].Line, $"{Why(failures[0])}{more}", problem);
        }
        skipped.AddRange(failures.Select(f => $"{rows[f.Index].Where}: skipped: {Why(f)}"));
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

/// <summary>A split's rows and images, side by side (row i is image i).</summary>
internal sealed record LoadedSplit(IReadOnlyList<MufacRow> Rows, ImageSet Set)
{
    public IReadOnlyList<int> Without(IReadOnlySet<string> gone) =>
        Enumerable.Range(0, Rows.Count).Where(i => !gone.Contains(Rows[i].Where)).ToArray();

    /// <summary>The rows at <paramref name="keep"/>; this split's images are released.</summary>
    public LoadedSplit Keep(IReadOnlyList<int> keep)
    {
        if (keep.Count == Rows.Count) return this;
        var kept = new LoadedSplit(keep.Select(i => Rows[i]).ToArray(), Set.Subset(keep));
        Set.Dispose();
        return kept;
    }
}

/// <summary>Carries decoded pixels past the cache when some images were bad, so that they are reported, not stored.</summary>
internal sealed class BadImages(Tensor pixels, IReadOnlyList<(int Index, DataFileException Problem)> failures) : Exception
{
    public Tensor Pixels { get; } = pixels;

    public IReadOnlyList<(int Index, DataFileException Problem)> Failures { get; } = failures;
}

/// <summary>Where MUFAC is and how to cut it.</summary>
/// <param name="Root">The released folder (custom_*_dataset.csv and *_images/).</param>
/// <param name="ImageSize">Side the images are resized to once, at load.</param>
/// <param name="ForgetSet">Null: the reference's first 1,500 rows.</param>
/// <param name="Seed">Chooses the people of an identities:N forget set.</param>
/// <param name="SkipBad">Leave missing and unreadable images out (each listed in the notes) instead of stopping.</param>
/// <param name="ExcludeDuplicates">Leave out retain, test and unseen copies of training images (see <see cref="Checks.DuplicateExclusion"/>).</param>
public sealed record MufacOptions(string Root, int ImageSize = 128, ForgetSelection? ForgetSet = null, long Seed = 42, bool SkipBad = false,
    bool ExcludeDuplicates = false)
{
    public ForgetSelection Forget => ForgetSet ?? ForgetSelection.MufacDefault;
}
