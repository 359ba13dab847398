using System.Text;

namespace Lethe.Data.Files;

/// <summary>
/// A small comma-separated file with a header row, read strictly: columns are found by name, every row must have the
/// header's field count, and bytes that are not UTF-8 are an error with the line, not a replacement character.
/// Hand-written because the datasets' CSVs are plain (no quoting in any release) and a CSV library would not give
/// file:line errors for the few rules that matter here; quoted fields are refused rather than misread.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string file, string[] header, IReadOnlyList<CsvRow> rows)
    {
        File = file;
        Header = header;
        Rows = rows;
        columns = header.Select((name, i) => (name, i)).Where(c => c.name.Length > 0)
            .GroupBy(c => c.name).ToDictionary(g => g.Key, g => g.First().i);
    }

    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>The index of a column, or -1 when the header has no such column.</summary>
    public int ColumnOf(string name) => columns.GetValueOrDefault(name, -1);

    /// <summary>The index of a column the caller cannot do without; its absence is an error on line 1.</summary>
    public int RequireColumn(string name) => ColumnOf(name) is var i and >= 0
        ? i
        : throw new DataFileException(File, 1, $"header has no '{name}' column (found: {string.Join(", ", Header.Select(h => h.Length == 0 ? "(unnamed)" : h))})");

    public static CsvTable Read(string path)
    {
        if (!System.IO.File.Exists(path)) throw new DataFileException(path, null, "CSV file not found");
        var lines = ReadLines(path);
        if (lines.Count == 0 || lines[0].Trim().Length == 0) throw new DataFileException(path, 1, "CSV file is empty (no header row)");
        var header = Split(path, 1, lines[0]).Select(h => h.Trim()).ToArray();
        var rows = new List<CsvRow>();
        for (int i = 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var fields = Split(path, i + 1, lines[i]);
            if (fields.Length != header.Length)
                throw new DataFileException(path, i + 1, $"{fields.Length} fields but the header has {header.Length}");
            rows.Add(new CsvRow(i + 1, fields));
        }
        return new CsvTable(path, header, rows);
    }

    private static List<string> ReadLines(string path)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var bytes = System.IO.File.ReadAllBytes(path);
        int start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var lines = new List<string>();
        int line = 1;
        for (int i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n') continue;
            int end = i > start && bytes[i - 1] == (byte)'\r' ? i - 1 : i;
            try { lines.Add(strict.GetString(bytes, start, end - start)); }
            catch (DecoderFallbackException) { throw new DataFileException(path, line, "not valid UTF-8 text (re-save the file as UTF-8)"); }
            start = i + 1;
            line++;
        }
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static string[] Split(string path, int line, string text)
    {
        if (text.Contains('"')) throw new DataFileException(path, line, "quoted fields are not supported in dataset CSVs");
        return text.Split(',');
    }
}

/// <summary>One data row: its 1-based line number in the file, and its fields.</summary>
public sealed record CsvRow(int Line, string[] Fields);
