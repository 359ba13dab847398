using Lethe.Data;
using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Mucac;

public sealed class CelebAIdentitiesTests
{
    private const string FileName = "CelebA-HQ-identity.txt";

    [Fact]
    public void Reads_file_names_and_identities_separated_by_any_whitespace()
    {
        using var temp = new TempDirectory();
        var path = MucacFixture.WriteText(temp, FileName, "0.jpg 0\n1.jpg\t\t17\n\n  2.jpg   4216  \n");

        var identities = CelebAIdentities.Read(path);

        Assert.Equal(new Dictionary<string, int> { ["0.jpg"] = 0, ["1.jpg"] = 17, ["2.jpg"] = 4216 }, identities);
    }

    [Theory]
    [InlineData("2.jpg", "expected '<file name> <identity>', found 1 fields")]
    [InlineData("2.jpg 3 4", "expected '<file name> <identity>', found 3 fields")]
    [InlineData("2.jpg x7", "identity 'x7' of 2.jpg is not a non-negative integer")]
    [InlineData("2.jpg -3", "identity '-3' of 2.jpg is not a non-negative integer")]
    [InlineData("0.jpg 5", "0.jpg is listed twice (first on line 1)")]
    public void A_malformed_line_is_reported_with_file_and_line(string badLine, string problem)
    {
        using var temp = new TempDirectory();
        var path = MucacFixture.WriteText(temp, FileName, $"0.jpg 0\n1.jpg 1\n{badLine}\n");

        var error = Assert.Throws<DataFileException>(() => CelebAIdentities.Read(path));

        Assert.Equal($"{path}:3: {problem}", error.Message);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        using var temp = new TempDirectory();
        var path = MucacFixture.WriteText(temp, FileName, "");

        Assert.Equal($"{path}: file is empty", Assert.Throws<DataFileException>(() => CelebAIdentities.Read(path)).Message);
    }
}
