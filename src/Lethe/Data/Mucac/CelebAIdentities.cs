using System.Globalization;
using Lethe.Data.Files;

namespace Lethe.Data;

/// <summary>CelebA-HQ-identity.txt: one "&lt;file name&gt; &lt;identity&gt;" per line, no header, as the reference
/// notebooks read it.</summary>
public static class CelebAIdentities
{
    /// <summary>Image file name → identity number.</summary>
    /// <exception cref="DataFileException">The file is missing, empty, not UTF-8, or a line is malformed.</exception>
    public static IReadOnlyDictionary<string, int> Read(string path)
    {
        var identities = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, fields) in NamedRows.Read(path, TextLines.Read(path), firstLine: 1))
        {
            if (fields.Length != 2)
                throw new DataFileException(path, line, $"expected '<file name> <identity>', found {fields.Length} fields");
            // Identities are counted from 0, and the split rules compare them with thresholds: a sign would be a typo.
            if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var identity))
                throw new DataFileException(path, line, $"identity '{fields[1]}' of {fields[0]} is not a non-negative integer");
            identities[fields[0]] = identity;
        }
        return identities;
    }
}
