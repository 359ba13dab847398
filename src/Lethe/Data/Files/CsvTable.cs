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
        var lines = TextLines.Read(path); // strict UTF-8 per line; refuses a missing, empty or blank file
        if (lines[0].Trim().Length == 0) throw new DataFileException(path, 1, "CSV file has no header row");
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

    private static string[] Split(string path, int line, string text)
    {
        if (text.Contains('"')) throw new DataFileException(path, line, "quoted fields are not supported in dataset CSVs");
        return text.Split(',');
    }
}

/// <summary>One data row: its 1-based line number in the file, and its fields.</summary>
public sealed record CsvRow(int Line, string[] Fields);
