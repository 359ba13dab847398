using System.Security.Cryptography;
using System.Text;
using Lethe.Data.Checks;
using Lethe.Data.Files;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>
/// The MUFAC benchmark from its released folder (custom_korean_family_dataset_resolution_128.zip, read as the reference
/// notebooks read it): train, test (the `val` files) and unseen (the `test` files); forget and retain partition train.
/// Images go through <see cref="ImageStack"/> once and are kept in the tensor cache.
/// </summary>
public static class Mufac
{
    public const string Name = "mufac";

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
        return Assemble(options, train, test, unseen, forgetRows, skipped);
    }

    private static BenchmarkData Assemble(MufacOptions options, LoadedSplit train, LoadedSplit test, LoadedSplit unseen,
        IReadOnlyList<int> forgetRows, IReadOnlyList<string> skipped)
    {
        var forgetSet = forgetRows.ToHashSet();
        var retainRows = Enumerable.Range(0, train.Set.Count).Where(i => !forgetSet.Contains(i)).ToArray();
        var (forget, retain) = (train.Set.Subset(forgetRows), train.Set.Subset(retainRows));
        return new BenchmarkData
        {
            Name = Name,
            Task = MultiClassTask.AgeGroups,
            Train = train.Set,
            Forget = forget,
            Retain = retain,
            Test = test.Set,
            Unseen = unseen.Set,
            Fingerprint = FileDatasetFingerprint.Of($"{Name}/{options.Forget}/{options.Seed}", [train.Set.Pixels, test.Set.Pixels, unseen.Set.Pixels],
                train.Set, forget, retain, test.Set, unseen.Set),
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
        // Relative names keep the cache valid when the folder moves; the CSV reader has refused paths outside it.
        var files = rows.Select(r => Path.GetRelativePath(options.Root, r.ImagePath)).ToArray();
        var key = ImageStack.CacheKey(Name, options.Root, files, options.ImageSize);
        using var decoded = ImageStack.Load(cache, key, options.Root, files, options.ImageSize);
        var keep = KeepRows(rows, decoded.Failures, options.SkipBad, skipped);
        var samples = keep.Select(i => new Sample(rows[i].FileName, rows[i].Identity, [rows[i].Label])).ToArray();
        using var index = tensor(keep.Select(i => (long)i).ToArray(), ScalarType.Int64);
        // All rows kept: a second handle on the cached pixels, not a copy.
        var pixels = keep.Count == rows.Count ? decoded.Pixels.alias() : decoded.Pixels.index_select(0, index);
        return new LoadedSplit(keep.Select(i => rows[i]).ToArray(), new ImageSet(samples, pixels));
    }

    private static IReadOnlyList<int> KeepRows(IReadOnlyList<MufacRow> rows, IReadOnlyList<ImageFailure> failures,
        bool skipBad, List<string> skipped)
    {
        if (failures.Count == 0) return Enumerable.Range(0, rows.Count).ToArray();
        // A missing image fails to decode too; its row says better why (and which name comes closest).
        string Why(ImageFailure f) => rows[f.Index].Missing ?? f.Problem.Message;
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
