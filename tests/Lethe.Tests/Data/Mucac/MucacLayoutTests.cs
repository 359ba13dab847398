using Lethe.Data;
using Lethe.Data.Files;

namespace Lethe.Tests.Data.Mucac;

public sealed class MucacLayoutTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Finds_the_annotations_next_to_or_inside_the_archive_folder(bool inside)
    {
        using var fixture = new MucacFixture(annotationsInsideArchive: inside);

        var layout = MucacLayout.Find(fixture.Root);

        Assert.Equal(fixture.ImageFolder, layout.ImageFolder);
        Assert.Equal(fixture.IdentityFile, layout.IdentityFile);
        Assert.Equal(fixture.AttributeFile, layout.AttributeFile);
    }

    [Fact]
    public void Falls_back_to_the_archives_own_attribute_file()
    {
        using var fixture = new MucacFixture();
        var official = Path.Combine(fixture.Archive, "CelebAMask-HQ-attribute-anno.txt");
        File.Move(fixture.AttributeFile, official);

        Assert.Equal(official, MucacLayout.Find(fixture.Root).AttributeFile);
    }

    [Fact]
    public void A_missing_identity_file_names_the_places_looked_at()
    {
        using var fixture = new MucacFixture();
        File.Delete(fixture.IdentityFile);

        var error = Assert.Throws<DataFileException>(() => MucacLayout.Find(fixture.Root));

        Assert.Equal($"{fixture.Root}: CelebA-HQ-identity.txt not found; looked for CelebA-HQ-identity.txt, " +
            $"{Path.Combine("CelebAMask-HQ", "CelebA-HQ-identity.txt")}", error.Message);
    }

    [Fact]
    public void A_missing_image_folder_says_what_is_expected()
    {
        using var fixture = new MucacFixture();
        Directory.Delete(fixture.ImageFolder, recursive: true);

        var error = Assert.Throws<DataFileException>(() => MucacLayout.Find(fixture.Root));

        Assert.Equal(fixture.ImageFolder, error.File);
        Assert.Contains("CelebAMask-HQ/CelebA-HQ-img/*.jpg", error.Message);
    }

    [Fact]
    public void Image_names_are_in_numeric_order()
    {
        using var fixture = new MucacFixture();

        var names = MucacLayout.Find(fixture.Root).ImageNames();

        Assert.Equal(Enumerable.Range(0, MucacFixture.Images).Select(i => $"{i}.jpg"), names);
    }

    [Fact]
    public void Numeric_order_puts_numbers_by_value_and_other_names_last()
    {
        string[] names = ["10.jpg", "b.jpg", "2.jpg", "a.jpg", "1.jpg", "002.jpg"];

        Assert.Equal(["1.jpg", "002.jpg", "2.jpg", "10.jpg", "a.jpg", "b.jpg"], names.Order(NumericFileOrder.Instance));
    }
}
