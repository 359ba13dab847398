using SkiaSharp;

namespace Lethe.Tests.Data;

/// <summary>
/// A tiny MUFAC folder in the released layout (custom_{train,val,test}_dataset.csv, {train,val,test}_images/), with
/// 16 px JPEGs whose colour encodes the row, so tests can break one file or line at a time.
/// </summary>
internal sealed class MufacFixture
{
    public const string Header = "family_id,person_id,age_class,image_path";

    public MufacFixture(string root, int trainPeople = 6, int photosPerPerson = 4, int unseenPeople = 2, int unseenPhotos = 2)
    {
        Root = root;
        Write("custom_train_dataset.csv", "train_images", "F0001", trainPeople, photosPerPerson);
        Write("custom_val_dataset.csv", "val_images", "F0801", 2, 3);
        Write("custom_test_dataset.csv", "test_images", "F0851", unseenPeople, unseenPhotos);
    }

    public string Root { get; }

    public string Csv(string name) => Path.Combine(Root, name);

    public string TrainCsv => Csv("custom_train_dataset.csv");

    /// <summary>Replaces data line <paramref name="row"/> (1-based after the header) of a CSV.</summary>
    public void ReplaceRow(string csv, int row, string text)
    {
        var lines = File.ReadAllLines(Csv(csv));
        lines[row] = text;
        File.WriteAllLines(Csv(csv), lines);
    }

    /// <summary>The three CSVs of the layout, train first.</summary>
    public static IReadOnlyList<string> CsvNames { get; } = ["custom_train_dataset.csv", "custom_val_dataset.csv", "custom_test_dataset.csv"];

    /// <summary>
    /// Rewrites every CSV as R's write.csv and Excel save it: a UTF-8 byte-order mark, every field quoted (RFC 4180),
    /// CRLF line ends, and R's unnamed row-number column first.
    /// </summary>
    public void QuoteLikeR()
    {
        foreach (var csv in CsvNames)
        {
            var lines = File.ReadAllLines(Csv(csv)).Select((line, i) =>
                string.Join(",", new[] { i == 0 ? "" : i.ToString() }.Concat(line.Split(',')).Select(f => $"\"{f}\"")));
            File.WriteAllText(Csv(csv), "\uFEFF" + string.Join("\r\n", lines) + "\r\n", new System.Text.UTF8Encoding(false));
        }
    }

    /// <summary>Writes every image path as a CSV saved on Windows does: relative to the root, with backslashes (`train_images\F0001_….jpg`).</summary>
    public void UseWindowsPaths()
    {
        foreach (var (csv, folder) in CsvNames.Zip(["train_images", "val_images", "test_images"]))
            File.WriteAllLines(Csv(csv), File.ReadAllLines(Csv(csv)).Select((line, i) =>
                i == 0 ? line : line[..(line.LastIndexOf(',') + 1)] + folder + "\\" + line[(line.LastIndexOf(',') + 1)..]));
    }

    /// <summary>
    /// Appends a Korean name to every train image: composed (NFC) in the CSV, decomposed (NFD) on disk, as a folder
    /// copied from macOS has it.
    /// </summary>
    public void NameInKoreanDecomposedOnDisk(string name)
    {
        File.WriteAllLines(TrainCsv, File.ReadAllLines(TrainCsv).Select((line, i) =>
        {
            if (i == 0) return line;
            var file = line[(line.LastIndexOf(',') + 1)..];
            var renamed = Path.GetFileNameWithoutExtension(file) + "_" + name + ".jpg";
            // ICU4N, as the library does: under InvariantGlobalization string.Normalize changes nothing.
            File.Move(Path.Combine(Root, "train_images", file), Path.Combine(Root, "train_images", ICU4N.Text.Normalizer2.NFDInstance.Normalize(renamed)));
            return line[..(line.LastIndexOf(',') + 1)] + ICU4N.Text.Normalizer2.NFCInstance.Normalize(renamed);
        }));
    }

    /// <summary>The image file named on data line <paramref name="row"/> of <paramref name="csv"/> (plain layout only).</summary>
    public string ImageOf(string csv, int row)
    {
        var folder = csv switch { "custom_train_dataset.csv" => "train_images", "custom_val_dataset.csv" => "val_images", _ => "test_images" };
        return Path.Combine(Root, folder, File.ReadAllLines(Csv(csv))[row].Split(',')[3]);
    }

    /// <summary>
    /// Makes the images of train row <paramref name="trainRow"/> and unseen row <paramref name="unseenRow"/> two different
    /// people who are aligned and lit alike (<see cref="Support.LookAlikeFaces"/>): a near match for the hash, not a copy.
    /// </summary>
    public void AddLookAlikes(int trainRow, int unseenRow)
    {
        File.WriteAllBytes(ImageOf("custom_train_dataset.csv", trainRow), Support.LookAlikeFaces.Jpeg(0));
        File.WriteAllBytes(ImageOf("custom_test_dataset.csv", unseenRow), Support.LookAlikeFaces.Jpeg(1));
    }

    /// <summary>
    /// Makes unseen row <paramref name="unseenRow"/> a copy of train row <paramref name="trainRow"/> saved again at a lower
    /// JPEG quality (70 against 95): other bytes, the same photo.
    /// </summary>
    public void AddNearCopy(int trainRow, int unseenRow)
    {
        File.WriteAllBytes(ImageOf("custom_train_dataset.csv", trainRow), Support.LookAlikeFaces.Jpeg(0, quality: 95, litFromRight: true));
        File.WriteAllBytes(ImageOf("custom_test_dataset.csv", unseenRow), Support.LookAlikeFaces.Jpeg(0, quality: 70, litFromRight: true));
    }

    /// <summary>
    /// A flat colour under a 4 × 4 grid of greys drawn from the file name, so every file differs (flat images alone would
    /// all share one perceptual hash). The bottom-right quarter keeps the flat colour, which tests read back.
    /// </summary>
    public static void WriteJpeg(string path, int side, byte shade)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        bitmap.Erase(new SKColor(shade, (byte)(255 - shade), 128));
        using var canvas = new SKCanvas(bitmap);
        var random = new Random(Path.GetFileName(path).Aggregate(17, (h, c) => h * 31 + c));
        int cell = Math.Max(1, side / 4);
        for (int i = 0; i < 16; i++)
        {
            if (i is 10 or 11 or 14 or 15) continue;
            using var paint = new SKPaint { Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)) };
            canvas.DrawRect((i % 4) * cell, (i / 4) * cell, cell, cell, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        File.WriteAllBytes(path, data.ToArray());
    }

    private void Write(string csv, string folder, string firstFamily, int people, int photos)
    {
        Directory.CreateDirectory(Path.Combine(Root, folder));
        var lines = new List<string> { Header };
        int family = int.Parse(firstFamily[1..]);
        for (int p = 0; p < people; p++)
        {
            // Two people a family: the identity is family + role, as in the release.
            var (familyId, role) = ($"F{family + p / 2:D4}", p % 2 == 0 ? "D" : "S");
            for (int k = 0; k < photos; k++)
            {
                char letter = "abcdefgh"[(p + k) % 8];
                var name = $"{familyId}_AGE_{role}_{10 + p}_{letter}{k + 1}.jpg";
                WriteJpeg(Path.Combine(Root, folder, name), 16, (byte)(20 * p + 3 * k));
                lines.Add($"{familyId},{role},{letter},{name}");
            }
        }
        File.WriteAllLines(Path.Combine(Root, csv), lines);
    }
}
