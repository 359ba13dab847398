using Lethe.Data.Files;

namespace Lethe.Data;

/// <summary>
/// Reads one MUFAC split's CSV into rows: columns by name (the reference's <c>parsing()</c> reads image_path and
/// age_class), unknown columns ignored, file order kept, every bad value an error naming the file and line. Images are
/// located but not decoded here; a missing image is not an error of the CSV but of its row
/// (<see cref="MufacRow.Missing"/>), so that --skip-bad can leave it out like an unreadable one.
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
        var folders = split.Folders(root).Select(FolderIndex.Of).ToArray();
        // Listed only when a name is missing: the hint "it is in another split's folder" costs nothing otherwise.
        var elsewhere = new Lazy<FolderIndex[]>(() => MufacLayout.Splits.Where(s => s != split)
            .SelectMany(s => s.Folders(root)).Select(FolderIndex.Of).ToArray());
        var rows = new List<MufacRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            try
            {
                var name = DatasetPaths.Relative(folders[0].Folder, row.Fields[image], csvPath, row.Line);
                var identity = Identity(row, family, person, name, csvPath);
                var label = Label(row.Fields[age].Trim(), csvPath, row.Line);
                var found = Locate(folders, name);
                rows.Add(new MufacRow(csvPath, row.Line, name, found ?? Path.Combine(folders[0].Folder, name), identity, label,
                    found is null ? NotFound(name, folders, elsewhere.Value) : null));
            }
            catch (DataFileException problem)
            {
                onProblem(problem);
            }
        }
        return rows;
    }

    /// <summary>
    /// The first folder holding the file; a name that starts with the folder's own name ("train_images/…", a path
    /// relative to the dataset root) is also looked up without it.
    /// </summary>
    private static string? Locate(IReadOnlyList<FolderIndex> folders, string name)
    {
        foreach (var folder in folders)
        {
            var prefix = Path.GetFileName(folder.Folder) + "/";
            if ((folder.Find(name) ?? (name.StartsWith(prefix, StringComparison.Ordinal) ? folder.Find(name[prefix.Length..]) : null)) is { } path)
                return path;
        }
        return null;
    }

    /// <summary>"not found", with what comes closest: the folder is absent, the name is a folder, the name is in another split, or one character differs.</summary>
    private static string NotFound(string name, IReadOnlyList<FolderIndex> folders, IReadOnlyList<FolderIndex> elsewhere)
    {
        var message = $"image '{name}' not found in {folders[0].Folder}";
        if (!folders.Any(f => f.Exists)) return $"{message}: the folder does not exist";
        // The index lists files only, so a folder of that name reads as missing; say what is there instead.
        if (folders.FirstOrDefault(f => Directory.Exists(Path.Combine(f.Folder, name))) is { } holder)
            return $"image '{name}' in {holder.Folder} is a folder, not an image file";
        if (elsewhere.FirstOrDefault(f => f.Find(name) is not null) is { } other)
            return $"{message}; a file of that name is in {other.Folder} (another split's folder)";
        foreach (var folder in folders)
            if (folder.NearMatch(name) is { } near)
                return $"{message}; the nearest name there is '{near}' (one character apart)";
        return message;
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
