namespace Lethe.Data.Files;

/// <summary>
/// The files under one image folder, listed once and looked up by the names a CSV gives. A name matches exactly, else
/// in Unicode normal form C (macOS writes file names decomposed, NFD, while a CSV holds the composed NFC form of the
/// same Korean or accented name), else ignoring case (releases mix .jpg and .JPG). A name that is still missing can
/// be explained by <see cref="NearMatch"/>.
/// </summary>
public sealed class FolderIndex
{
    private static readonly EnumerationOptions AllFiles = new() { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };

    private readonly Dictionary<string, string> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> composed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> folded = new(StringComparer.Ordinal);

    private FolderIndex(string folder)
    {
        Folder = folder;
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*", AllFiles))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            exact.TryAdd(relative, file);
            composed.TryAdd(FileNameForm.Composed(relative), file);
            folded.TryAdd(Folded(relative), file);
        }
    }

    /// <summary>The folder indexed (which need not exist: then nothing is found in it).</summary>
    public string Folder { get; }

    public bool Exists => Directory.Exists(Folder);

    /// <summary>Lists <paramref name="folder"/> and everything below it once.</summary>
    public static FolderIndex Of(string folder) => new(folder);

    /// <summary>The full path of the file <paramref name="relative"/> (`/`-separated) names, or null.</summary>
    public string? Find(string relative) =>
        exact.GetValueOrDefault(relative) ?? composed.GetValueOrDefault(FileNameForm.Composed(relative)) ?? folded.GetValueOrDefault(Folded(relative));

    /// <summary>
    /// A file whose name is one insertion, deletion or substitution away from <paramref name="relative"/> (ignoring case
    /// and normal form), as the folder spells it, or null: a typo or a renamed file, said in the "not found" error.
    /// </summary>
    public string? NearMatch(string relative)
    {
        var wanted = Folded(relative);
        return folded.Keys.Where(name => Math.Abs(name.Length - wanted.Length) <= 1 && WithinOneEdit(name, wanted))
            .Select(name => Path.GetRelativePath(Folder, folded[name]).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).FirstOrDefault();
    }

    private static string Folded(string name) => FileNameForm.Composed(name).ToLowerInvariant();

    /// <summary>Levenshtein distance ≤ 1, in one pass: skip the common prefix, then the rests must match after one edit.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (a.Length > b.Length) (a, b) = (b, a);
        int i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        if (i == a.Length) return b.Length - a.Length <= 1;
        return a.Length == b.Length
            ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
