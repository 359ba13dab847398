using Lethe.Data;
using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Mucac;

public sealed class CelebAAttributesTests
{
    private const string FileName = "CelebA-HQ-attribute.txt";

    [Fact]
    public void Keeps_Male_Smiling_Young_as_zero_or_one()
    {
        using var temp = new TempDirectory();
        var path = MucacFixture.WriteText(temp, FileName, MucacFixture.AttributeText());

        var attributes = CelebAAttributes.Read(path);

        Assert.Equal([21, 32, 40], attributes.Columns);
        Assert.Equal(40, attributes.Names.Count);
        Assert.Equal(MucacFixture.Images, attributes.Values.Count);
        for (int i = 0; i < MucacFixture.Images; i++)
            Assert.Equal(MucacFixture.Attributes(i), attributes.Values[$"{i}.jpg"]);
    }

    [Fact]
    public void Columns_are_found_by_name_when_they_are_not_at_the_usual_positions()
    {
        using var temp = new TempDirectory();
        // Three attributes only, in another order: Young, Male, Smiling.
        var path = MucacFixture.WriteText(temp, FileName, "2\nYoung Male Smiling\n0.jpg 1 -1 -1\n1.jpg -1 1 1\n");

        var attributes = CelebAAttributes.Read(path);

        Assert.Equal([2, 3, 1], attributes.Columns);
        Assert.Equal([0, 0, 1], attributes.Values["0.jpg"]);
        Assert.Equal([1, 1, 0], attributes.Values["1.jpg"]);
    }

    [Theory]
    [InlineData("5.jpg 1 -1", "expected a file name and 3 values, found 2 values after 5.jpg")]
    [InlineData("5.jpg 1 -1 1 1", "expected a file name and 3 values, found 4 values after 5.jpg")]
    [InlineData("5.jpg 1 0 1", "value '0' of Smiling for 5.jpg is not -1 or 1")]
    [InlineData("5.jpg 1 -1 +1", "value '+1' of Young for 5.jpg is not -1 or 1")]
    [InlineData("0.jpg 1 -1 1", "0.jpg is listed twice (first on line 3)")]
    public void A_malformed_row_is_reported_with_file_and_line(string badRow, string problem)
    {
        using var temp = new TempDirectory();
        var path = MucacFixture.WriteText(temp, FileName, $"3\nMale Smiling Young\n0.jpg 1 1 1\n{badRow}\n1.jpg -1 -1 -1\n");

        var error = Assert.Throws<DataFileException>(() => CelebAAttributes.Read(path));

        Assert.Equal($"{path}:4: {problem}", error.Message);
        Assert.Equal(path, error.File);
        Assert.Equal(4, error.Line);
    }

    [Theory]
    [InlineData("3\nMale Smiling Young\n0.jpg 1 1 1\n1.jpg 1 1 1\n", 1, "line 1 gives 3 images, but the file lists 2")]
    [InlineData("three\nMale Smiling Young\n0.jpg 1 1 1\n", 1, "expected the number of images, found 'three'")]
    [InlineData("1\n\n0.jpg 1 1 1\n", 2, "expected the attribute names, found nothing")]
    [InlineData("1\nMale Young\n0.jpg 1 1\n", 2, "no attribute named Smiling among the 2 names")]
    [InlineData("1\nMale Smiling Young Male\n0.jpg 1 1 1 1\n", 2, "attribute Male is named twice")]
    public void A_bad_header_is_reported_on_its_line(string text, int line, string problem)
    {
        using var temp = new TempDirectory();
        var path = MucacFixture.WriteText(temp, FileName, text);

        Assert.Equal($"{path}:{line}: {problem}", Assert.Throws<DataFileException>(() => CelebAAttributes.Read(path)).Message);
    }

    [Fact]
    public void A_byte_that_is_not_UTF8_is_reported_on_its_line()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, FileName);
        File.WriteAllBytes(path, [.. "1\nMale Smiling Young\n0"u8, 0xFF, .. ".jpg 1 1 1\n"u8]);

        var error = Assert.Throws<DataFileException>(() => CelebAAttributes.Read(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("not UTF-8", error.Message);
    }
}
