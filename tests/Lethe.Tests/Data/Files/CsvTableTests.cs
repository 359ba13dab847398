using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Files;

public sealed class CsvTableTests
{
    private static (CsvTable Table, string Path) Read(TempDirectory temp, byte[] bytes)
    {
        var path = Path.Combine(temp.Path, "a.csv");
        File.WriteAllBytes(path, bytes);
        return (CsvTable.Read(path), path);
    }

    private static DataFileException Fails(TempDirectory temp, string text)
    {
        var path = Path.Combine(temp.Path, "a.csv");
        File.WriteAllText(path, text);
        return Assert.Throws<DataFileException>(() => CsvTable.Read(path));
    }

    [Fact]
    public void Reads_what_R_and_Excel_write_every_field_quoted_with_crlf_and_a_byte_order_mark()
    {
        using var temp = new TempDirectory();
        var (table, _) = Read(temp, [0xEF, 0xBB, 0xBF, .. "\"\",\"name\",\"note\"\r\n\"1\",\"a.jpg\",\"x, \"\"quoted\"\"\"\r\n"u8]);

        Assert.Equal(["", "name", "note"], table.Header);
        Assert.Equal(1, table.ColumnOf("name"));
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.Line);
        Assert.Equal(["1", "a.jpg", "x, \"quoted\""], row.Fields);
    }

    [Fact]
    public void Reads_semicolons_as_excel_writes_them_in_many_locales()
    {
        using var temp = new TempDirectory();
        var (table, _) = Read(temp, "name;age\na.jpg;b\n"u8.ToArray());

        Assert.Equal(["a.jpg", "b"], Assert.Single(table.Rows).Fields);
    }

    [Fact]
    public void Rows_keep_their_line_numbers_across_blank_lines_and_a_field_that_spans_lines()
    {
        using var temp = new TempDirectory();
        var (table, _) = Read(temp, "name,note\na.jpg,x\n\nb.jpg,\"two\nlines\"\nc.jpg,y\n"u8.ToArray());

        Assert.Equal([2, 4, 6], table.Rows.Select(r => r.Line));
        Assert.Equal("two\nlines", table.Rows[1].Fields[1]);
    }

    [Fact]
    public void A_row_with_the_wrong_field_count_names_its_line()
    {
        using var temp = new TempDirectory();
        var error = Fails(temp, "name,age\na.jpg,b\nc.jpg\n");

        Assert.Equal(3, error.Line);
        Assert.EndsWith(":3: 1 fields but the header has 2", error.Message);
    }

    [Fact]
    public void A_stray_quote_names_its_line()
    {
        using var temp = new TempDirectory();
        var error = Fails(temp, "name,age\na.jpg,b\nc\"d.jpg,e\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("quote", error.Message);
    }

    [Fact]
    public void A_missing_column_is_named_with_the_columns_found()
    {
        using var temp = new TempDirectory();
        var (table, path) = Read(temp, "\"\",name\n1,a.jpg\n"u8.ToArray());

        var error = Assert.Throws<DataFileException>(() => table.RequireColumn("age_class"));

        Assert.Equal($"{path}:1: header has no 'age_class' column (found: (unnamed), name)", error.Message);
    }
}
