namespace Lethe.Data.Files;

/// <summary>
/// Cleans an image path taken from a dataset's own files before it is looked up inside the folder it belongs to.
/// Windows separators are accepted (a CSV saved on Windows writes `train_images\F0001_….jpg`), but a path that is
/// absolute, names a drive, or climbs out (`../`) is refused: a downloaded CSV must not make Lethe read, or report on,
/// files elsewhere.
/// </summary>
public static class DatasetPaths
{
    /// <summary>
    /// <paramref name="name"/> as a path relative to <paramref name="folder"/> with `/` separators, e.g. "a/F0001.jpg".
    /// </summary>
    /// <exception cref="DataFileException">At <paramref name="listedIn"/>:<paramref name="line"/>: the path is empty,
    /// absolute (a leading separator, a drive letter or any ':'), or resolves outside <paramref name="folder"/>.</exception>
    public static string Relative(string folder, string name, string listedIn, int line)
    {
        var relative = name.Trim().Replace('\\', '/');
        if (relative.Length == 0) throw new DataFileException(listedIn, line, "empty image path");
        if (relative.StartsWith('/') || relative.Contains(':'))
            throw new DataFileException(listedIn, line, $"image path '{name}' is absolute; it must name a file inside {folder}");
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!Path.GetFullPath(Path.Combine(root, relative)).StartsWith(root, StringComparison.Ordinal))
            throw new DataFileException(listedIn, line, $"image path '{name}' escapes the dataset folder {folder}");
        return relative;
    }
}
