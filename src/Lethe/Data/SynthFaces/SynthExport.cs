using System.Text;
using SkiaSharp;

namespace Lethe.Data;

/// <summary>What <see cref="SynthExport.Write"/> wrote.</summary>
/// <param name="Directory">The finished folder.</param>
/// <param name="TrainRows">Rows of custom_train_dataset.csv (forget + retain).</param>
/// <param name="ForgetRows">The forget people's rows, which come first: MUFAC's positional "first N rows" forget size.</param>
/// <param name="ValRows">Rows of custom_val_dataset.csv, which MUFAC readers load as D_test.</param>
/// <param name="TestRows">Rows of custom_test_dataset.csv, which MUFAC readers load as D_unseen.</param>
public sealed record SynthExportResult(string Directory, int TrainRows, int ForgetRows, int ValRows, int TestRows);

/// <summary>
/// Writes SynthFaces in MUFAC's released layout (custom_korean_family_dataset_resolution_128.zip), so that a MUFAC
/// loader reads it unchanged: custom_train_dataset.csv + train_images/ (forget people first, then retain),
/// custom_val_dataset.csv + val_images/ (the benchmark's TEST set) and custom_test_dataset.csv + test_images/ (the
/// UNSEEN set). Columns are MUFAC's (family_id, person_id, age_class, image_path) followed by extra columns MUFAC
/// readers ignore: age_years, male, smiling, young. Images are JPEG (quality 95) at the options' image size.
/// </summary>
public static class SynthExport
{
    /// <summary>MUFAC's header, as in the released CSV files.</summary>
    public const string MufacHeader = "family_id,person_id,age_class,image_path";

    /// <summary>MUFAC's header followed by the extra columns.</summary>
    public const string Header = MufacHeader + ",age_years,male,smiling,young";

    public const int JpegQuality = 95;

    /// <summary>
    /// Renders the dataset of <paramref name="options"/> and writes it to <paramref name="outDir"/>. The folder is
    /// built beside the target under a temporary name and renamed into place when complete.
    /// </summary>
    /// <param name="options">The dataset to write (its ImageSize is the JPEG size; MUFAC's own images are 128 px).</param>
    /// <param name="outDir">The folder to create, or an empty one to fill.</param>
    /// <param name="overwrite">Replace a non-empty <paramref name="outDir"/>; otherwise one is an error.</param>
    /// <exception cref="ArgumentException">An option is out of range, outDir is a file, or it holds files and overwrite is off.</exception>
    public static SynthExportResult Write(SynthFacesOptions options, string outDir, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var target = Path.GetFullPath(outDir);
        if (File.Exists(target)) throw new ArgumentException($"export folder {target} is a file; give a folder");
        // An empty folder (made by hand, or by a script before the export) holds nothing to lose.
        if (!overwrite && Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new ArgumentException($"export folder {target} is not empty; give a new folder, or replace it with --overwrite");
        var rendering = SynthRendering.Render(options);
        var temp = $"{target}.tmp-{Guid.NewGuid():N}";
        try
        {
            int train = WriteSplit(temp, "custom_train_dataset.csv", "train_images", rendering.Train, rendering.TrainPixels, options);
            int val = WriteSplit(temp, "custom_val_dataset.csv", "val_images", rendering.Plan.Test, rendering.TestPixels, options);
            int test = WriteSplit(temp, "custom_test_dataset.csv", "test_images", rendering.Plan.Unseen, rendering.UnseenPixels, options);
            Replace(temp, target);
            return new SynthExportResult(target, train, rendering.Plan.Forget.Count, val, test);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    private static int WriteSplit(string root, string csvName, string folder, IReadOnlyList<SynthImage> images,
        byte[] pixels, SynthFacesOptions options)
    {
        var imageDir = Directory.CreateDirectory(Path.Combine(root, folder)).FullName;
        int size = options.ImageSize, imageBytes = 3 * size * size;
        Parallel.For(0, images.Count, i =>
            WriteJpeg(Path.Combine(imageDir, images[i].Name), pixels.AsSpan(i * imageBytes, imageBytes), size));
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (var image in images) csv.Append(Row(image)).Append('\n');
        File.WriteAllText(Path.Combine(root, csvName), csv.ToString(), new UTF8Encoding(false));
        return images.Count;
    }

    /// <summary>One CSV line; no field needs quoting (names are [A-Za-z0-9_.] only), as in MUFAC's files.</summary>
    internal static string Row(SynthImage image)
    {
        var a = image.Attributes;
        return $"{image.Person.Family},{image.Person.Role},{SynthAges.Letter(image.Photo.Group)},{image.Name}," +
               $"{image.Photo.Years},{a[0]},{a[1]},{a[2]}";
    }

    private static void WriteJpeg(string path, ReadOnlySpan<byte> chw, int size)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Span<byte> rgba = bitmap.GetPixelSpan();
        int plane = size * size, rowBytes = bitmap.RowBytes;
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++)
            {
                int src = y * size + x, dst = y * rowBytes + 4 * x;
                rgba[dst] = chw[src];
                rgba[dst + 1] = chw[plane + src];
                rgba[dst + 2] = chw[2 * plane + src];
                rgba[dst + 3] = 255;
            }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>Moves the finished folder into place; an old folder is moved aside first and deleted only afterwards.</summary>
    private static void Replace(string temp, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }
        var old = $"{target}.old-{Guid.NewGuid():N}";
        Directory.Move(target, old);
        Directory.Move(temp, target);
        Directory.Delete(old, recursive: true);
    }
}
