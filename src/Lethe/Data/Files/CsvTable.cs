using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Lethe.Data.Files;

/// <summary>
/// A small delimited file with a header row, in any of the dialects people write (RFC 4180 quoting as R and Excel
/// write it, CRLF or LF, a UTF-8 byte-order mark, comma, semicolon or tab as the separator), read strictly: columns are
/// found by name, every row must have the header's field count, and bytes that are not UTF-8 are an error with the
/// line, not a replacement character. CsvHelper does the parsing; this class adds the file-and-line errors.
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

    /// <summary>Reads the file at <paramref name="path"/>; blank lines are not rows.</summary>
    /// <exception cref="DataFileException">Missing, empty or non-UTF-8 file, no header, a stray quote, or a row whose
    /// field count differs from the header's; each names the file and, where there is one, the line.</exception>
    public static CsvTable Read(string path)
    {
        // Strict UTF-8 one line at a time first, so a bad byte is reported on its line; CsvHelper then parses the text.
        var lines = TextLines.Read(path);
        if (lines[0].Trim().Length == 0) throw new DataFileException(path, 1, "CSV file has no header row");
        using var parser = new CsvParser(new StringReader(string.Join('\n', lines)), Dialect(path));
        if (!parser.Read()) throw new DataFileException(path, 1, "CSV file has no header row");
        var header = parser.Record!.Select(h => h.Trim()).ToArray();
        var rows = new List<CsvRow>();
        while (parser.Read())
        {
            var fields = parser.Record!;
            int line = FirstLine(parser);
            if (fields.Length != header.Length)
                throw new DataFileException(path, line, $"{fields.Length} fields but the header has {header.Length}");
            rows.Add(new CsvRow(line, fields));
        }
        return new CsvTable(path, header, rows);
    }

    private static CsvConfiguration Dialect(string path) => new(CultureInfo.InvariantCulture)
    {
        Mode = CsvMode.RFC4180,
        DetectDelimiter = true, // Excel in many European locales separates with ';'
        TrimOptions = TrimOptions.Trim,
        BadDataFound = bad => throw new DataFileException(path, FirstLine(bad.Context.Parser!),
            $"a quote inside an unquoted field ({bad.Field.Trim()}); quote the whole field and double the quotes inside"),
    };

    /// <summary>The line a record starts on: a quoted field may span lines, and the parser counts to the record's end.</summary>
    private static int FirstLine(IParser parser) =>
        parser.RawRow - parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
}

/// <summary>One data row: the 1-based line it starts on in the file, and its fields.</summary>
public sealed record CsvRow(int Line, string[] Fields);
