using Lethe.Data.Files;

namespace Lethe.Data;

/// <summary>
/// Reads one MUFAC split's CSV into rows (spec §2.2): columns by name, unknown columns ignored, file order kept, every
/// bad value an error naming the file and line. Images are located but not decoded here.
/// </summary>
public static class MufacCsv
{
    /// <summary>The rows of <paramref name="split"/>; the first bad row throws.</summary>
    public static IReadOnlyList<MufacRow> Read(string root, MufacSplitFiles split) =>
        Read(root, split, problem => throw problem);

    /// <summary>
    /// The good rows of <paramref name="split"/>; each bad row goes to <paramref name="onProblem"/> and reading goes on,
    /// so a check can list every problem at once. A file that cannot be read as a table still throws.
    /// </summary>
    public static IReadOnlyList<MufacRow> Read(string root, MufacSplitFiles split, Action<DataFileException> onProblem)
    {
        var csvPath = Path.Combine(root, split.Csv);
        var table = CsvTable.Read(csvPath);
        int image = table.RequireColumn("image_path"), age = table.RequireColumn("age_class");
        int family = table.ColumnOf("family_id"), person = table.ColumnOf("person_id");
        if (table.Rows.Count == 0) throw new DataFileException(csvPath, 2, "CSV has a header but no rows");
        var folders = split.Folders(root);
        var indexes = folders.Select(DatasetPaths.IndexFolder).ToArray();
        var rows = new List<MufacRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            try
            {
                var name = row.Fields[image].Trim();
                var path = Locate(folders, indexes, name, csvPath, row.Line);
                var identity = Identity(row, family, person, name, csvPath);
                rows.Add(new MufacRow(csvPath, row.Line, name, path, identity, Label(row.Fields[age].Trim(), csvPath, row.Line)));
            }
            catch (DataFileException problem)
            {
                onProblem(problem);
            }
        }
        return rows;
    }

    /// <summary>The first folder holding the file (exact name, then any case); a missing image is reported at its row.</summary>
    private static string Locate(IReadOnlyList<string> folders, IReadOnlyList<Dictionary<string, string>> indexes, string name, string csv, int line)
    {
        for (int i = 0; i < folders.Count; i++)
        {
            var path = DatasetPaths.Resolve(folders[i], name, csv, line);
            if (DatasetPaths.FindCaseInsensitive(path, indexes[i]) is { } found) return found;
        }
        throw new DataFileException(csv, line, $"image '{name}' not found in {folders[0]}");
    }

    private static int Label(string letter, string csv, int line) =>
        letter.Length == 1 && MufacLayout.AgeLetters.IndexOf(char.ToLowerInvariant(letter[0])) is var i and >= 0
            ? i
            : throw new DataFileException(csv, line, $"age_class '{letter}' is not one of a..h");

    /// <summary>family_id + person_id, from their columns, else from the file name's tokens 0 and 2 (F0001_AGE_D_...).</summary>
    private static string Identity(CsvRow row, int family, int person, string name, string csv)
    {
        if (family >= 0 && person >= 0) return $"{row.Fields[family].Trim()}_{row.Fields[person].Trim()}";
        var tokens = Path.GetFileNameWithoutExtension(name).Split('_');
        if (tokens.Length < 3) throw new DataFileException(csv, row.Line,
            $"no family_id/person_id columns and the file name '{name}' is not FAMILY_AGE_ROLE_..., so the person is unknown");
        return $"{tokens[0]}_{tokens[2]}";
    }
}
