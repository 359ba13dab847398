using Lethe.Data;
using Lethe.Data.Files;

namespace Lethe.Tests.Data.Mucac;

public sealed class MucacIndexTests
{
    [Fact]
    public void Every_image_gets_its_identity_attributes_and_set()
    {
        using var fixture = new MucacFixture();

        var index = MucacIndex.Read(fixture.Root, MucacFixture.Thresholds);

        Assert.Equal(MucacFixture.Images, index.Images.Count);
        for (int i = 0; i < MucacFixture.Images; i++)
        {
            var image = index.Images[i];
            Assert.Equal($"{i}.jpg", image.File);
            Assert.Equal(MucacFixture.Identity(i), image.Identity);
            Assert.Equal($"celebahq-{MucacFixture.Identity(i)}", image.Person);
            Assert.Equal(MucacFixture.Attributes(i), image.Attributes);
        }
        Assert.Equal(new MucacSplitCounts(Test: 4, Train: 12, Forget: 6, Retain: 6, Unseen: 4), index.Counts);
        Assert.Equal(Files(4, 10), index.In(MucacSplit.Forget).Select(i => i.File));
        Assert.Equal(Files(4, 16), index.Train.Select(i => i.File));
        Assert.Empty(index.MissingImages);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_image_without_an_annotation_line_is_an_error(bool hasIdentity)
    {
        using var fixture = new MucacFixture();
        if (hasIdentity) File.AppendAllText(fixture.IdentityFile, "20.jpg 9\n");
        File.WriteAllBytes(Path.Combine(fixture.ImageFolder, "20.jpg"), File.ReadAllBytes(fixture.ImagePath(0)));

        var error = Assert.Throws<DataFileException>(() => MucacIndex.Read(fixture.Root, MucacFixture.Thresholds));

        Assert.Equal(hasIdentity ? fixture.AttributeFile : fixture.IdentityFile, error.File);
        Assert.Contains("has no line for 20.jpg", error.Message);
    }

    [Fact]
    public void Images_listed_but_absent_are_left_out_and_warned_about()
    {
        // An incomplete copy: the reference enumerated the folder, so it ran on what was there.
        using var fixture = new MucacFixture();
        File.Delete(fixture.ImagePath(5));
        File.Delete(fixture.ImagePath(17));

        var index = MucacIndex.Read(fixture.Root, MucacFixture.Thresholds);

        Assert.Equal(["5.jpg", "17.jpg"], index.MissingImages);
        Assert.Equal(18, index.Images.Count);
        Assert.Equal(5, index.Counts.Forget);
        Assert.Equal(
            $"2 images listed in CelebA-HQ-identity.txt are not in {fixture.ImageFolder} (first: 5.jpg); they are left out",
            Assert.Single(index.Warnings()));
    }

    [Fact]
    public void With_the_default_thresholds_the_warnings_compare_set_sizes_with_the_reference()
    {
        using var fixture = new MucacFixture();

        var warnings = MucacIndex.Read(fixture.Root).Warnings();

        Assert.Equal(5, warnings.Count);
        Assert.Equal("D_test has 20 images; the complete CelebA-HQ gives 2,065 under the reference's thresholds", warnings[0]);
    }

    private static IEnumerable<string> Files(int from, int to) => Enumerable.Range(from, to - from).Select(i => $"{i}.jpg");
}
