using Lethe.Data;
using Lethe.Data.Transforms;
using Lethe.Evaluation;
using Lethe.Models;
using Lethe.Tests.Support;
using static TorchSharp.torch;

namespace Lethe.Tests.Evaluation;

/// <summary>
/// Retain accuracy on a seeded sample: which rows, that every model gets the same ones, and the accuracy against a hand
/// count. The fixture's sets are told apart by the green channel (see <see cref="LookupModel"/>): retain is marker 1.
/// </summary>
public class RetainSampleTests
{
    private const int RetainCount = 200, Classes = 8;
    private const byte RetainMarker = 1;

    [Fact]
    public void Rows_are_a_fixed_ascending_choice_of_distinct_rows_of_the_asked_size()
    {
        var rows = RetainSample.Rows(8525, 2000, seed: 42);

        Assert.Equal(2000, rows.Length);
        Assert.Equal(rows.Order().Distinct(), rows);
        Assert.All(rows, r => Assert.InRange(r, 0, 8524));
        Assert.Equal(rows, RetainSample.Rows(8525, 2000, seed: 42));
        Assert.NotEqual(rows, RetainSample.Rows(8525, 2000, seed: 43));
        // Spread over the whole set, not its first rows: MUFAC's retain set is ordered by person.
        Assert.InRange(rows.Count(r => r >= 8525 / 2), 900, 1100);
    }

    [Fact]
    public void A_set_no_larger_than_the_sample_or_no_size_at_all_means_every_row()
    {
        Assert.Equal(Enumerable.Range(0, 150), RetainSample.Rows(150, 2000, seed: 42));
        Assert.Equal(Enumerable.Range(0, 150), RetainSample.Rows(150, 150, seed: 42));
        Assert.Equal(Enumerable.Range(0, 150), RetainSample.Rows(150, null, seed: 42));
        Assert.Throws<ArgumentException>(() => RetainSample.Rows(150, 0, seed: 42));
    }

    [Theory]
    [InlineData("all", null)]
    [InlineData("ALL", null)]
    [InlineData("2000", 2000)]
    public void The_option_reads_all_or_a_count(string text, int? expected) => Assert.Equal(expected, RetainSample.ParseSize(text));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("half")]
    public void Any_other_option_value_is_refused_with_the_options_name(string text) =>
        Assert.StartsWith("--retain-eval must be 'all' or a number", Assert.Throws<ArgumentException>(() => RetainSample.ParseSize(text)).Message);

    [Fact]
    public void Every_model_is_scored_on_the_same_sampled_retain_images_and_its_accuracy_is_the_hand_count_on_them()
    {
        var random = new Random(11);
        var labels = Enumerable.Range(0, RetainCount).Select(_ => random.Next(Classes)).ToArray();
        using var data = Data(labels);
        var options = EvaluationOptions.Default with { RetainSampleSize = 50, RetainSampleSeed = 7 };
        var firstTable = LookupModel.Table(RetainCount, Classes, random);
        using var first = new LookupModel(firstTable);
        using var second = new LookupModel(LookupModel.Table(RetainCount, Classes, random));

        var a = ModelEvaluator.Evaluate(first, data, new EvalTransform(4), CPU, options);
        var b = ModelEvaluator.Evaluate(second, data, new EvalTransform(4), CPU, options);

        var seenByFirst = RetainRowsSeen(first);
        Assert.Equal(50, seenByFirst.Length);
        Assert.Equal(seenByFirst, RetainRowsSeen(second));
        Assert.Equal(RetainSample.Rows(RetainCount, 50, 7), seenByFirst);
        Assert.Equal(new RetainSample(50, RetainCount), a.RetainSample);
        Assert.Equal(a.RetainSample, b.RetainSample);
        Assert.Equal(HandAccuracy(firstTable, labels, seenByFirst), a.RetainAccuracy, 12);
        Assert.NotEqual(HandAccuracy(firstTable, labels, Enumerable.Range(0, RetainCount).ToArray()), a.RetainAccuracy);
    }

    [Fact]
    public void The_full_pass_scores_all_of_retain_and_equals_the_retain_sets_own_score()
    {
        var random = new Random(12);
        var labels = Enumerable.Range(0, RetainCount).Select(_ => random.Next(Classes)).ToArray();
        using var data = Data(labels);
        var table = LookupModel.Table(RetainCount, Classes, random);
        using var model = new LookupModel(table);

        var full = ModelEvaluator.Evaluate(model, data, new EvalTransform(4), CPU, EvaluationOptions.Default with { RetainSampleSize = null });

        Assert.Equal(Enumerable.Range(0, RetainCount), RetainRowsSeen(model));
        Assert.Equal(new RetainSample(RetainCount, RetainCount), full.RetainSample);
        Assert.True(full.RetainSample!.Whole);
        Assert.Equal(HandAccuracy(table, labels, Enumerable.Range(0, RetainCount).ToArray()), full.RetainAccuracy, 12);
        // What the evaluation computed before sampling existed: one pass over the whole retain set.
        Assert.Equal(SetScorer.Score(model, data.Task, data.Retain, new EvalTransform(4), CPU).Accuracy, full.RetainAccuracy);
    }

    /// <summary>Retain (marker 1) of <paramref name="labels"/>; test, forget and unseen 30 images each (marker 0).</summary>
    private static BenchmarkData Data(int[] labels)
    {
        int[][] Some(int n) => Enumerable.Range(0, n).Select(i => new[] { labels[i] }).ToArray();
        return new BenchmarkData
        {
            Name = "lookup", Task = MultiClassTask.AgeGroups, Fingerprint = "lookup",
            Train = LookupModel.Images(Some(30)), Forget = LookupModel.Images(Some(30)), Test = LookupModel.Images(Some(30)),
            Unseen = LookupModel.Images(Some(30)), Retain = LookupModel.Images(labels.Select(l => new[] { l }).ToArray(), RetainMarker),
        };
    }

    private static int[] RetainRowsSeen(LookupModel model) => model.Seen.Where(s => s.Marker == RetainMarker).Select(s => s.Row).ToArray();

    private static double HandAccuracy(double[,] table, int[] labels, int[] rows) =>
        rows.Count(i => Enumerable.Range(0, Classes).MaxBy(c => table[i, c]) == labels[i]) / (double)rows.Length;
}
