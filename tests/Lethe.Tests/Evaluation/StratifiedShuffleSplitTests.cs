using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

public class StratifiedShuffleSplitTests
{
    [Theory]
    [InlineData(1504, 1500, 301)] // MUFAC: 1,504 unseen vs 1,500 forget
    [InlineData(2002, 2002, 401)] // MUCAC: 2,002 vs 2,002
    public void Should_draw_stratified_disjoint_covering_splits_of_ceil_one_tenth(int negatives, int positives, int expectedTest)
    {
        var labels = Labels(negatives, positives);
        var n = labels.Length;

        var splits = StratifiedShuffleSplit.Split(labels);

        Assert.Equal(10, splits.Count);
        Assert.Equal(expectedTest, StratifiedShuffleSplit.TestSize(n, 0.1));
        foreach (var split in splits)
        {
            Assert.Equal(expectedTest, split.Test.Count);
            Assert.Empty(split.Train.Intersect(split.Test));
            Assert.Equal(Enumerable.Range(0, n), split.Train.Concat(split.Test).Order());
            foreach (var (label, count) in new[] { (0, negatives), (1, positives) })
            {
                var proportional = (double)expectedTest * count / n;
                Assert.InRange(split.Test.Count(i => labels[i] == label), proportional - 1, proportional + 1);
            }
        }
        Assert.Equal(10, splits.Select(s => string.Join(',', s.Test)).Distinct().Count());
    }

    [Fact]
    public void Should_give_the_largest_remainders_the_leftover_test_rows()
    {
        // 301 test rows over classes of 1,504 and 1,500: exact shares 150.70 and 150.30, so 151 and 150.
        Assert.Equal([151, 150], StratifiedShuffleSplit.AllocateTestCounts([1504, 1500], 301));
        // Classes of 5/3/2 with test 3: shares 1.5, 0.9, 0.6 → floors 1, 0, 0; the two rows left go one each to
        // the remainders 0.9 and 0.6 in order, so 1, 1, 1.
        Assert.Equal([1, 1, 1], StratifiedShuffleSplit.AllocateTestCounts([5, 3, 2], 3));
        // A tie (200.5 each) goes to the larger class, then the smaller label.
        Assert.Equal([201, 200], StratifiedShuffleSplit.AllocateTestCounts([2002, 2002], 401));
    }

    [Fact]
    public void Should_repeat_for_a_seed_and_differ_for_another()
    {
        var labels = Labels(300, 200);

        var first = StratifiedShuffleSplit.Split(labels, new StratifiedShuffleSplitOptions(Seed: 3));
        var again = StratifiedShuffleSplit.Split(labels, new StratifiedShuffleSplitOptions(Seed: 3));
        var other = StratifiedShuffleSplit.Split(labels, new StratifiedShuffleSplitOptions(Seed: 4));

        Assert.Equal(first.Select(s => s.Test.ToArray()), again.Select(s => s.Test.ToArray()));
        Assert.Equal(first.Select(s => s.Train.ToArray()), again.Select(s => s.Train.ToArray()));
        Assert.NotEqual(first.Select(s => s.Test.ToArray()), other.Select(s => s.Test.ToArray()));
    }

    [Fact]
    public void Should_refuse_a_class_with_one_row_and_a_bad_fraction()
    {
        Assert.Contains("Class 1", Assert.Throws<ArgumentException>(() => StratifiedShuffleSplit.Split([0, 0, 0, 1])).Message);
        Assert.Throws<ArgumentException>(() => StratifiedShuffleSplit.Split(Labels(5, 5), new StratifiedShuffleSplitOptions(TestFraction: 1)));
    }

    private static int[] Labels(int negatives, int positives) =>
        Enumerable.Repeat(0, negatives).Concat(Enumerable.Repeat(1, positives)).ToArray();
}
