using ICU4N.Text;
using Lethe.Data.Files;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Files;

public sealed class FolderIndexTests
{
    private static FolderIndex Folder(TempDirectory temp, params string[] files)
    {
        foreach (var file in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(temp.Path, file))!);
            File.WriteAllText(Path.Combine(temp.Path, file), "");
        }
        return FolderIndex.Of(temp.Path);
    }

    [Fact]
    public void A_decomposed_name_on_disk_is_found_from_its_composed_form()
    {
        using var temp = new TempDirectory();
        var decomposed = Normalizer2.NFDInstance.Normalize("F0001_이수진.jpg");
        var index = Folder(temp, decomposed);

        Assert.Equal(Path.Combine(temp.Path, decomposed), index.Find(Normalizer2.NFCInstance.Normalize("F0001_이수진.jpg")));
    }

    [Fact]
    public void Case_and_subfolders_are_found_and_an_absent_name_is_null()
    {
        using var temp = new TempDirectory();
        var index = Folder(temp, "a.JPG", "part/b.jpg");

        Assert.Equal(Path.Combine(temp.Path, "a.JPG"), index.Find("a.jpg"));
        Assert.Equal(Path.Combine(temp.Path, "part", "b.jpg"), index.Find("part/b.jpg"));
        Assert.Null(index.Find("c.jpg"));
    }

    [Theory]
    [InlineData("F0001_a1.jpg", "F0001_a1.jpeg")] // one inserted
    [InlineData("F0001_a10.jpg", "F0001_a1.jpg")] // one deleted
    [InlineData("F0001_b1.jpg", "F0001_a1.jpg")] // one changed
    public void A_missing_name_one_edit_away_is_named(string wanted, string onDisk)
    {
        using var temp = new TempDirectory();
        var index = Folder(temp, onDisk, "F0002_c7.jpg");

        Assert.Equal(onDisk, index.NearMatch(wanted));
    }

    [Fact]
    public void No_near_match_is_offered_two_edits_away_or_in_a_missing_folder()
    {
        using var temp = new TempDirectory();
        Assert.Null(Folder(temp, "F0001_a1.jpg").NearMatch("F0001_b2.jpg"));
        Assert.Null(FolderIndex.Of(Path.Combine(temp.Path, "absent")).NearMatch("F0001_a1.jpg"));
        Assert.False(FolderIndex.Of(Path.Combine(temp.Path, "absent")).Exists);
    }
}
