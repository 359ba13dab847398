using Lethe.Experiments;
using Lethe.Numerics;

namespace Lethe.Evaluation;

/// <summary>
/// Random train/test splits that keep each class's share in the test set, like scikit-learn's
/// <c>StratifiedShuffleSplit</c>: the test set has ⌈f·n⌉ rows spread over the classes in proportion to their sizes,
/// and the training set is every other row.
/// </summary>
public static class StratifiedShuffleSplit
{
    private const string Stream = "stratified-shuffle-split";

    /// <summary>⌈fraction·n⌉, computed in double exactly as scikit-learn does (MUFAC 3,004 rows → 301; MUCAC 4,004 → 401).</summary>
    public static int TestSize(int rows, double testFraction) => (int)Math.Ceiling(testFraction * rows);

    /// <summary>Draws the splits for these class labels. The same labels and seed always give the same splits.</summary>
    /// <exception cref="ArgumentException">Bad options, a class with fewer than 2 rows, or too few rows for the classes.</exception>
    public static IReadOnlyList<TrainTestSplit> Split(IReadOnlyList<int> labels, StratifiedShuffleSplitOptions? options = null)
    {
        options ??= StratifiedShuffleSplitOptions.Default;
        options.Validate();
        var classes = GroupByClass(labels);
        if (Unsplittable(classes.Select(c => c.Length).ToArray(), options.TestFraction) is { } problem)
            throw new ArgumentException(problem, nameof(labels));
        var testSize = TestSize(labels.Count, options.TestFraction);
        var testCounts = AllocateTestCounts(classes.Select(c => c.Length).ToArray(), testSize);

        var random = Seeds.Random(options.Seed, Stream);
        var splits = new TrainTestSplit[options.Splits];
        for (var s = 0; s < splits.Length; s++) splits[s] = DrawOne(classes, testCounts, random);
        return splits;
    }

    /// <summary>
    /// Why rows of these class sizes cannot be split (a class under 2 rows, or a test or training part too small to hold
    /// one row of every class), or null when they can: <see cref="Split"/> refuses exactly these, and a caller can ask
    /// before it has any labels (the attack on sets of known sizes).
    /// </summary>
    public static string? Unsplittable(IReadOnlyList<int> classSizes, double testFraction)
    {
        for (var k = 0; k < classSizes.Count; k++)
            if (classSizes[k] < 2)
                return $"Class {k} has only {classSizes[k]} row; stratified splitting needs at least 2 per class.";
        var rows = classSizes.Sum();
        var testSize = TestSize(rows, testFraction);
        return testSize < classSizes.Count || rows - testSize < classSizes.Count
            ? $"{rows} rows with test size {testSize} cannot hold all {classSizes.Count} classes in both train and test."
            : null;
    }

    /// <summary>
    /// Gives each class ⌊testSize·n_k/n⌋ test rows, then hands the rows left over one at a time to the classes with the
    /// largest fractional remainders (ties: the larger class, then the smaller label). Every class's count is then within
    /// 1 of its exact proportional share; scikit-learn breaks the same ties at random instead. A class always keeps at
    /// least one training row.
    /// </summary>
    internal static int[] AllocateTestCounts(int[] classSizes, int testSize)
    {
        long total = classSizes.Sum();
        var counts = new int[classSizes.Length];
        var remainders = new long[classSizes.Length];
        for (var k = 0; k < classSizes.Length; k++)
        {
            counts[k] = (int)(testSize * (long)classSizes[k] / total);
            remainders[k] = testSize * (long)classSizes[k] % total;
        }
        var order = Enumerable.Range(0, classSizes.Length)
            .OrderByDescending(k => remainders[k]).ThenByDescending(k => classSizes[k]).ThenBy(k => k).ToArray();
        var left = testSize - counts.Sum();
        while (left > 0)
            foreach (var k in order)
                if (left > 0 && counts[k] < classSizes[k] - 1) { counts[k]++; left--; }
        return counts;
    }

    private static TrainTestSplit DrawOne(int[][] classes, int[] testCounts, Random random)
    {
        var train = new List<int>();
        var test = new List<int>();
        for (var k = 0; k < classes.Length; k++)
        {
            var members = (int[])classes[k].Clone();
            Permutation.Shuffle(members, random);
            test.AddRange(members.Take(testCounts[k]));
            train.AddRange(members.Skip(testCounts[k]));
        }
        train.Sort();
        test.Sort();
        return new TrainTestSplit(train, test);
    }

    /// <summary>Row indices of each class, classes in ascending label order.</summary>
    private static int[][] GroupByClass(IReadOnlyList<int> labels)
    {
        var classes = Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key).ToArray();
        foreach (var c in classes)
            if (c.Count() < 2)
                throw new ArgumentException(
                    $"Class {c.Key} has only {c.Count()} row; stratified splitting needs at least 2 per class.", nameof(labels));
        return classes.Select(c => c.ToArray()).ToArray();
    }
}
