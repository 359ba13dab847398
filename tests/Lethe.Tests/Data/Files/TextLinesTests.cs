using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Files;

public sealed class TextLinesTests
{
    [Fact]
    public void Drops_the_byte_order_mark_carriage_returns_and_the_final_line_break()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "a.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "a  b\r\n\r\nc\r\n"u8]);

        Assert.Equal(["a  b", "", "c"], TextLines.Read(path));
    }

    [Fact]
    public void A_byte_that_is_not_UTF8_is_reported_on_its_line()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "a.txt");
        File.WriteAllBytes(path, [.. "ok\nfine\n1.jpg "u8, 0xE9, .. " 3\n"u8]);

        var error = Assert.Throws<DataFileException>(() => TextLines.Read(path));

        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{path}:3: not UTF-8 text (byte 0xE9)", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\n")]
    public void An_empty_or_blank_file_is_an_error(string content)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "a.txt");
        File.WriteAllText(path, content);

        var error = Assert.Throws<DataFileException>(() => TextLines.Read(path));

        Assert.Equal($"{path}: file is empty", error.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "absent.txt");

        Assert.Equal($"{path}: file not found", Assert.Throws<DataFileException>(() => TextLines.Read(path)).Message);
    }

    [Fact]
    public void Fields_split_on_any_run_of_spaces_and_tabs()
    {
        Assert.Equal(["0.jpg", "-1", "1"], TextLines.Fields("  0.jpg \t -1   1 "));
    }
}
