using System.Globalization;
using Lethe.Data.Files;
using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// CelebA-HQ-attribute.txt: line 1 the image count, line 2 the attribute names, then per image its file name and one
/// value in {-1, 1} per attribute. Only MUCAC's attributes are kept, as 0/1.
/// </summary>
public sealed class CelebAAttributes
{
    private CelebAAttributes(IReadOnlyList<string> names, IReadOnlyList<int> columns, IReadOnlyDictionary<string, int[]> values)
    {
        Names = names;
        Columns = columns;
        Values = values;
    }

    /// <summary>MUCAC's attributes, in the order of <see cref="Values"/>: Male, Smiling, Young.</summary>
    public static IReadOnlyList<string> Kept => MultiLabelTask.MaleSmilingYoung.Attributes;

    /// <summary>The attribute names of line 2.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The 1-based positions of <see cref="Kept"/> among <see cref="Names"/> (21, 32, 40 in the released file).</summary>
    public IReadOnlyList<int> Columns { get; }

    /// <summary>Image file name → [Male, Smiling, Young], each 1 (present) or 0 (absent, -1 in the file).</summary>
    public IReadOnlyDictionary<string, int[]> Values { get; }

    /// <exception cref="DataFileException">The file is missing, empty, not UTF-8, or a line is malformed.</exception>
    public static CelebAAttributes Read(string path)
    {
        var lines = TextLines.Read(path);
        int count = ImageCount(path, lines);
        var names = AttributeNames(path, lines);
        // The reference numbers the columns (21, 32, 40), but the names are what line 2 promises: a file with its
        // columns in another order is read correctly by name, and is not an error.
        var columns = Kept.Select(name => names.IndexOf(name) + 1).ToArray();
        var values = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (line, fields) in NamedRows.Read(path, lines, firstLine: 3))
            values[fields[0]] = KeptValues(path, line, fields, names, columns);
        if (values.Count != count)
            throw new DataFileException(path, 1, $"line 1 gives {count} images, but the file lists {values.Count}");
        return new CelebAAttributes(names, columns, values);
    }

    private static int ImageCount(string path, IReadOnlyList<string> lines)
    {
        var fields = TextLines.Fields(lines[0]);
        if (fields.Length != 1 || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw new DataFileException(path, 1, $"expected the number of images, found '{lines[0].Trim()}'");
        return count;
    }

    private static List<string> AttributeNames(string path, IReadOnlyList<string> lines)
    {
        var names = lines.Count > 1 ? TextLines.Fields(lines[1]).ToList() : [];
        if (names.Count == 0) throw new DataFileException(path, 2, "expected the attribute names, found nothing");
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new DataFileException(path, 2, $"attribute {repeated.Key} is named twice");
        var missing = Kept.Where(k => !names.Contains(k)).ToArray();
        if (missing.Length > 0)
            throw new DataFileException(path, 2, $"no attribute named {string.Join(", ", missing)} among the {names.Count} names");
        return names;
    }

    private static int[] KeptValues(string path, int line, string[] fields, List<string> names, int[] columns)
    {
        if (fields.Length != names.Count + 1)
            throw new DataFileException(path, line,
                $"expected a file name and {names.Count} values, found {fields.Length - 1} values after {fields[0]}");
        for (int a = 1; a < fields.Length; a++)
            if (fields[a] is not ("1" or "-1"))
                throw new DataFileException(path, line,
                    $"value '{fields[a]}' of {names[a - 1]} for {fields[0]} is not -1 or 1");
        return columns.Select(c => fields[c] == "1" ? 1 : 0).ToArray();
    }
}
