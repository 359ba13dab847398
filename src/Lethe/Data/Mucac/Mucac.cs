using System.Runtime.ExceptionServices;
using Lethe.Data.Files;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Data;

/// <summary>
/// MUCAC (the reference's MUCAC notebooks, on the CelebA-HQ files of
/// ndb796/CelebA-HQ-Face-Identity-and-Attributes-Recognition-PyTorch): CelebA-HQ split by identity range, with
/// Male/Smiling/Young targets. The 1024 px JPEGs are decoded and resized once into a <see cref="TensorCache"/>; later
/// loads read that tensor back in seconds.
/// </summary>
public static class Mucac
{
    /// <summary>The dataset name in <see cref="BenchmarkData.Name"/>, for every variant (the task tells them apart).</summary>
    public const string Name = "mucac";

    /// <summary>Reads the index under <paramref name="root"/> and loads one variant (see <see cref="MucacVariants"/>).</summary>
    /// <exception cref="ArgumentException">The variant, size or thresholds are invalid.</exception>
    /// <exception cref="DataFileException">A file is missing or malformed.</exception>
    public static BenchmarkData Load(string root, string variant, int imageSize, TensorCache cache,
        MucacThresholds? thresholds = null, IProgress<DecodeProgress>? progress = null)
    {
        MucacVariants.Task(variant);
        return Load(MucacIndex.Read(root, thresholds), variant, imageSize, cache, progress);
    }

    /// <summary>
    /// Loads one variant from an index already read (so a caller that checked <see cref="MucacIndex.Warnings"/> does not
    /// parse the files twice). Train holds the forget images then the retain images; Forget, Retain, Test and Unseen
    /// are in numeric file order.
    /// </summary>
    public static BenchmarkData Load(MucacIndex index, string variant, int imageSize, TensorCache cache,
        IProgress<DecodeProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageSize, 1);
        var task = MucacVariants.Task(variant);
        // Rows are cached in set order (test, forget, retain, unseen) so that every set is a view of the one cached
        // tensor: at 128 px MUCAC is 1.5 GB, and copies would double that.
        MucacImage[][] sets = [[.. index.In(MucacSplit.Test)], [.. index.In(MucacSplit.Forget)],
            [.. index.In(MucacSplit.Retain)], [.. index.In(MucacSplit.Unseen)]];
        var files = sets.SelectMany(s => s).Select(i => i.File).ToArray();
        var key = ImageStack.CacheKey(Name, index.Layout.ImageFolder, files, imageSize);
        using var decoded = ImageStack.Load(cache, key, index.Layout.ImageFolder, files, imageSize, progress);
        if (decoded.Failures.Count > 0) ExceptionDispatchInfo.Throw(decoded.Failures[0].Problem);
        var (test, forget, retain, unseen) = (sets[0].Length, sets[1].Length, sets[2].Length, sets[3].Length);
        var pixels = decoded.Pixels;
        var trainSet = View(pixels, test, forget + retain, index.Train, task);
        var forgetSet = View(pixels, test, forget, sets[1], task);
        var retainSet = View(pixels, test + forget, retain, sets[2], task);
        var testSet = View(pixels, 0, test, sets[0], task);
        var unseenSet = View(pixels, test + forget + retain, unseen, sets[3], task);
        return new BenchmarkData
        {
            Name = Name,
            Task = task,
            Train = trainSet,
            Forget = forgetSet,
            Retain = retainSet,
            Test = testSet,
            Unseen = unseenSet,
            Fingerprint = FileDatasetFingerprint.Of($"{Name}/{task.Name}/{index.Thresholds}", [pixels],
                trainSet, forgetSet, retainSet, testSet, unseenSet),
        };
    }

    /// <summary>
    /// Rows [start, start + count) of the decoded tensor as an image set. The view shares the cache's storage: disposing
    /// either handle leaves the other valid.
    /// </summary>
    private static ImageSet View(Tensor pixels, int start, int count, IReadOnlyList<MucacImage> images, PredictionTask task)
    {
        var samples = images.Select(i => new Sample(i.File, i.Person, MucacVariants.Labels(i, task))).ToArray();
        using var scope = NewDisposeScope();
        return new ImageSet(samples, pixels.narrow(0, start, count).DetachFromDisposeScope());
    }
}
