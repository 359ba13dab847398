using System.Text;
using Lethe.Data;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Mucac;

/// <summary>
/// A tiny MUCAC in the real layout: images 0.jpg … 19.jpg of people i / 2 (ids 0-9), solid colours that encode i, and
/// hand-written annotation files. With <see cref="Thresholds"/>: test = files 0-3, forget 4-9, retain 10-15,
/// unseen 16-19.
/// </summary>
internal sealed class MucacFixture : IDisposable
{
    public const int Images = 20;
    public const int Side = 16;

    /// <summary>The 40 CelebA attribute names in the released order (Male 21st, Smiling 32nd, Young 40th).</summary>
    public static readonly string[] AttributeNames =
    [
        "5_o_Clock_Shadow", "Arched_Eyebrows", "Attractive", "Bags_Under_Eyes", "Bald", "Bangs", "Big_Lips", "Big_Nose",
        "Black_Hair", "Blond_Hair", "Blurry", "Brown_Hair", "Bushy_Eyebrows", "Chubby", "Double_Chin", "Eyeglasses",
        "Goatee", "Gray_Hair", "Heavy_Makeup", "High_Cheekbones", "Male", "Mouth_Slightly_Open", "Mustache",
        "Narrow_Eyes", "No_Beard", "Oval_Face", "Pale_Skin", "Pointy_Nose", "Receding_Hairline", "Rosy_Cheeks",
        "Sideburns", "Smiling", "Straight_Hair", "Wavy_Hair", "Wearing_Earrings", "Wearing_Hat", "Wearing_Lipstick",
        "Wearing_Necklace", "Wearing_Necktie", "Young",
    ];

    public static MucacThresholds Thresholds { get; } = new(TestBelow: 2, ForgetBelow: 5, TrainBelow: 8);

    private readonly TempDirectory temp = new();

    public MucacFixture(bool annotationsInsideArchive = false)
    {
        Directory.CreateDirectory(ImageFolder);
        AnnotationFolder = annotationsInsideArchive ? Archive : Root;
        for (int i = 0; i < Images; i++)
        {
            var (r, g, b) = Colour(i);
            File.WriteAllBytes(ImagePath(i), TestJpeg.Solid(Side, Side, r, g, b));
        }
        File.WriteAllText(IdentityFile, IdentityText());
        File.WriteAllText(AttributeFile, AttributeText());
    }

    public string Root => temp.Path;

    public string Archive => Path.Combine(Root, "CelebAMask-HQ");

    public string ImageFolder => Path.Combine(Archive, "CelebA-HQ-img");

    public string AnnotationFolder { get; }

    public string IdentityFile => Path.Combine(AnnotationFolder, "CelebA-HQ-identity.txt");

    public string AttributeFile => Path.Combine(AnnotationFolder, "CelebA-HQ-attribute.txt");

    public string ImagePath(int i) => Path.Combine(ImageFolder, $"{i}.jpg");

    public static int Identity(int i) => i / 2;

    /// <summary>[Male, Smiling, Young] of image i: three patterns that differ from each other.</summary>
    public static int[] Attributes(int i) => [i % 2, (i / 3) % 2, i % 5 == 0 ? 0 : 1];

    /// <summary>Colours 12 levels apart, so a JPEG round trip (a level or two) cannot confuse two images.</summary>
    public static (byte R, byte G, byte B) Colour(int i) => ((byte)(10 + 12 * i), (byte)(250 - 12 * i), 128);

    public static string IdentityText() =>
        string.Concat(Enumerable.Range(0, Images).Select(i => $"{i}.jpg {Identity(i)}\n"));

    /// <summary>The attribute file, with the columns at the released positions and irregular spacing as in the real one.</summary>
    public static string AttributeText()
    {
        var text = new StringBuilder($"{Images}\n{string.Join(' ', AttributeNames)}\n");
        for (int i = 0; i < Images; i++)
            text.Append($"{i}.jpg  {string.Join(' ', Row(Attributes(i)))}\n");
        return text.ToString();
    }

    /// <summary>Overwrites the line of an annotation file (1-based) with <paramref name="text"/>.</summary>
    public static void ReplaceLine(string path, int line, string text)
    {
        var lines = File.ReadAllLines(path);
        lines[line - 1] = text;
        File.WriteAllLines(path, lines);
    }

    /// <summary>Writes <paramref name="text"/> to a file <paramref name="name"/> in <paramref name="temp"/>; returns its path.</summary>
    public static string WriteText(TempDirectory temp, string name, string text)
    {
        var path = Path.Combine(temp.Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => temp.Dispose();

    private static IEnumerable<string> Row(int[] kept)
    {
        var values = Enumerable.Repeat("-1", AttributeNames.Length).ToArray();
        string[] names = ["Male", "Smiling", "Young"];
        for (int k = 0; k < names.Length; k++)
            values[Array.IndexOf(AttributeNames, names[k])] = kept[k] == 1 ? "1" : "-1";
        return values;
    }
}
