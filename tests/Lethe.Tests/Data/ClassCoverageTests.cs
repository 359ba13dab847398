using Lethe.Data;
using Lethe.Models;

namespace Lethe.Tests.Data;

public class ClassCoverageTests
{
    private static Sample[] Labelled(params int[][] labels) => labels.Select((l, i) => new Sample($"s{i}", "p", l)).ToArray();

    [Fact]
    public void Should_name_the_classes_that_occur_and_the_chance_of_guessing_among_them()
    {
        var coverage = ClassCoverage.Of(MultiClassTask.AgeGroups, Labelled([3], [5], [4], [3], [5]));

        Assert.Equal(["20-30", "31-45", "46-55"], coverage.Attributes[0].Occurring);
        Assert.Equal(1.0 / 3, coverage.Chance, 12);
        Assert.False(coverage.Complete);
        Assert.Equal("3 of 8 occur (20-30, 31-45, 46-55); chance 1/3 = 0.333", coverage.Describe());
    }

    [Fact]
    public void Should_say_all_when_every_class_occurs()
    {
        var coverage = ClassCoverage.Of(BinaryTask.Male, Labelled([0], [1]));

        Assert.True(coverage.Complete);
        Assert.Equal("all 2 occur; chance 1/2 = 0.500", coverage.Describe());
    }

    [Fact]
    public void Should_average_the_chance_over_the_attributes_of_a_multi_label_task()
    {
        // Young is 1 in every label: that attribute has one class, so guessing it is always right; (½ + ½ + 1)/3 = 0.667.
        var coverage = ClassCoverage.Of(MultiLabelTask.MaleSmilingYoung, Labelled([0, 1, 1], [1, 0, 1]));

        Assert.Equal(2.0 / 3, coverage.Chance, 12);
        Assert.Equal("Male: all 2 occur; Smiling: all 2 occur; Young: 1 of 2 occur (Young); chance 0.667 (mean over the attributes of 1/classes)",
            coverage.Describe());
    }
}
