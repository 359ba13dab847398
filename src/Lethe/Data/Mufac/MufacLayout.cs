using Lethe.Data.Files;

namespace Lethe.Data;

/// <summary>
/// The released MUFAC folder (custom_korean_family_dataset_resolution_128.zip). Its names trap the unwary: the
/// benchmark's *test* set is the `val` CSV and folder, and *unseen* is the `test` CSV and folder.
/// </summary>
public static class MufacLayout
{
    public static readonly MufacSplitFiles Train = new("train", "custom_train_dataset.csv", "train_images", 10_025);
    public static readonly MufacSplitFiles Test = new("test", "custom_val_dataset.csv", "val_images", 1_539);
    public static readonly MufacSplitFiles Unseen = new("unseen", "custom_test_dataset.csv", "test_images", 1_504);

    public static IReadOnlyList<MufacSplitFiles> Splits { get; } = [Train, Test, Unseen];

    /// <summary>Class letters a..h, in label order (the reference's <c>age_class_to_label</c>).</summary>
    public const string AgeLetters = "abcdefgh";

    /// <summary>Checks that <paramref name="root"/> looks like MUFAC before anything is read.</summary>
    public static void RequireRoot(string root)
    {
        if (!Directory.Exists(root)) throw new DataFileException(root, null, "dataset folder not found");
        var missing = Splits.Select(s => s.Csv).Where(csv => !File.Exists(Path.Combine(root, csv))).ToArray();
        if (missing.Length > 0)
            throw new DataFileException(root, null,
                $"not a MUFAC folder: missing {string.Join(", ", missing)} (expected the released layout: custom_{{train,val,test}}_dataset.csv and {{train,val,test}}_images/)");
    }
}

/// <summary>A split's CSV and image folder, and the row count of the release.</summary>
public sealed record MufacSplitFiles(string Name, string Csv, string ImageFolder, int ExpectedRows)
{
    /// <summary>Folders searched for an image, in order; a re-release splits train over two parts.</summary>
    public IReadOnlyList<string> Folders(string root) =>
        [Path.Combine(root, ImageFolder), Path.Combine(root, ImageFolder + "_part1"), Path.Combine(root, ImageFolder + "_part2")];
}
