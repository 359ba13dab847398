namespace Lethe.Data.Files;

/// <summary>
/// Resolves a file name taken from a dataset's own files inside the folder it belongs to. A name that is absolute or
/// climbs out (`../`) is refused: a downloaded CSV must not make Lethe read, or report on, files elsewhere.
/// </summary>
public static class DatasetPaths
{
    public static string Resolve(string folder, string name, string listedIn, int line)
    {
        if (name.Length == 0) throw new DataFileException(listedIn, line, "empty image path");
        if (Path.IsPathRooted(name) || name.Contains(':'))
            throw new DataFileException(listedIn, line, $"image path '{name}' is absolute; it must name a file inside {folder}");
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new DataFileException(listedIn, line, $"image path '{name}' escapes the dataset folder {folder}");
        return full;
    }

    /// <summary>
    /// The file as named, else a case-insensitive match in its folder (releases mix .jpg and .JPG, and a case-sensitive
    /// filesystem would otherwise call it missing), else null.
    /// </summary>
    public static string? FindCaseInsensitive(string path, IReadOnlyDictionary<string, string>? folderIndex)
    {
        if (File.Exists(path)) return path;
        return folderIndex is not null && folderIndex.TryGetValue(Path.GetFileName(path).ToLowerInvariant(), out var match) ? match : null;
    }

    /// <summary>Lower-cased file name to full path, for the case-insensitive fallback; empty when the folder is absent.</summary>
    public static Dictionary<string, string> IndexFolder(string folder)
    {
        var index = new Dictionary<string, string>();
        if (!Directory.Exists(folder)) return index;
        foreach (var file in Directory.EnumerateFiles(folder))
            index.TryAdd(Path.GetFileName(file).ToLowerInvariant(), file);
        return index;
    }
}
