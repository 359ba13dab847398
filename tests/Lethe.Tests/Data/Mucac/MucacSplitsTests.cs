using Lethe.Data;
using Lethe.Tests.Support;

namespace Lethe.Tests.Data.Mucac;

public sealed class MucacSplitsTests
{
    [Theory]
    [InlineData(0, MucacSplit.Test)]
    [InlineData(189, MucacSplit.Test)]
    [InlineData(190, MucacSplit.Forget)]
    [InlineData(1249, MucacSplit.Forget)]
    [InlineData(1250, MucacSplit.Retain)]
    [InlineData(4854, MucacSplit.Retain)]
    [InlineData(4855, MucacSplit.Unseen)]
    [InlineData(6216, MucacSplit.Unseen)]
    public void Identity_ranges_follow_the_reference_thresholds(int identity, MucacSplit expected)
    {
        Assert.Equal(expected, MucacThresholds.Default.SplitOf(identity));
    }

    [Theory]
    [InlineData(-1, 5, 8)]
    [InlineData(6, 5, 8)]
    [InlineData(2, 9, 8)]
    public void Thresholds_out_of_order_are_refused(int test, int forget, int train)
    {
        Assert.Throws<ArgumentException>(() => new MucacThresholds(test, forget, train).Validate());
    }

    [Fact]
    public void Differences_name_each_set_that_drifted()
    {
        // The counts a reference re-run got from an incomplete copy.
        var drifted = new MucacSplitCounts(Test: 2_053, Train: 25_846, Forget: 10_135, Retain: 15_711, Unseen: 2_001);

        Assert.Empty(MucacSplits.Differences(MucacSplits.Expected));
        Assert.Equal(
        [
            "D_test has 2,053 images; the complete CelebA-HQ gives 2,065 under the reference's thresholds",
            "D_train has 25,846 images; the complete CelebA-HQ gives 25,933 under the reference's thresholds",
            "D_forget has 10,135 images; the complete CelebA-HQ gives 10,183 under the reference's thresholds",
            "D_retain has 15,711 images; the complete CelebA-HQ gives 15,750 under the reference's thresholds",
            "D_unseen has 2,001 images; the complete CelebA-HQ gives 2,002 under the reference's thresholds",
        ], MucacSplits.Differences(drifted));
        Assert.Equal(["D_unseen has 2,001 images; the complete CelebA-HQ gives 2,002 under the reference's thresholds"],
            MucacSplits.Differences(MucacSplits.Expected with { Unseen = 2_001 }));
    }

    [Fact]
    public void The_released_annotations_give_the_reference_set_sizes()
    {
        var annotations = SharedFolder.Require("realdata/celebahq_annotations");
        using var temp = new TempDirectory();
        var images = Directory.CreateDirectory(Path.Combine(temp.Path, "CelebAMask-HQ", "CelebA-HQ-img")).FullName;
        foreach (var name in new[] { "CelebA-HQ-identity.txt", "CelebA-HQ-attribute.txt" })
            File.Copy(Path.Combine(annotations, name), Path.Combine(temp.Path, name));
        var layout = MucacLayout.Find(temp.Path);
        // Without the 30,000 JPEGs, the image list is the identity file's (the index reads no pixel).
        var names = CelebAIdentities.Read(layout.IdentityFile).Keys;

        var index = MucacIndex.Build(layout, names);

        Assert.Equal(MucacSplits.Expected, index.Counts);
        Assert.Equal(new MucacSplitCounts(2_065, 25_933, 10_183, 15_750, 2_002), index.Counts);
        Assert.Empty(index.Warnings());
        Assert.Equal(6_217, index.Images.Select(i => i.Identity).Distinct().Count());
        Assert.Equal([21, 32, 40], CelebAAttributes.Read(layout.AttributeFile).Columns);
        Assert.Equal(Enumerable.Range(0, 30_000).Select(i => $"{i}.jpg"), index.Images.Select(i => i.File));
    }
}
