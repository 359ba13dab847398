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
