using Lethe.Data.Files;

namespace Lethe.Data;

/// <summary>
/// The data rows of a CelebA-HQ annotation file: whitespace-separated fields whose first field is an image file name.
/// Blank lines are skipped; a name listed twice is refused, because which of its two rows is right cannot be known.
/// </summary>
internal static class NamedRows
{
    /// <summary>Rows from 1-based line <paramref name="firstLine"/> on, with their line numbers.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, IReadOnlyList<string> lines, int firstLine)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int number = firstLine; number <= lines.Count; number++)
        {
            var fields = TextLines.Fields(lines[number - 1]);
            if (fields.Length == 0) continue;
            if (!seen.TryAdd(fields[0], number))
                throw new DataFileException(path, number, $"{fields[0]} is listed twice (first on line {seen[fields[0]]})");
            yield return (number, fields);
        }
    }
}
