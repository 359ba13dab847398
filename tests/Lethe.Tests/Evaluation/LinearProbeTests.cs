using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

/// <summary>The probe behind the representation metrics: a positive control (label linearly encoded) and a null (random features).</summary>
public class LinearProbeTests
{
    [Fact]
    public void A_label_written_linearly_into_the_features_is_read_back()
    {
        var (train, trainLabels) = Encoded(300, seed: 1, signal: 3);
        var (test, testLabels) = Encoded(100, seed: 2, signal: 3);
        var probe = LinearProbe.Fit(train, trainLabels);
        Assert.True(probe.Accuracy(test, testLabels) > 0.95, $"accuracy {probe.Accuracy(test, testLabels)}");
    }

    [Fact]
    public void Features_unrelated_to_the_label_give_chance()
    {
        var (train, trainLabels) = Encoded(300, seed: 3, signal: 0);
        var (test, testLabels) = Encoded(300, seed: 4, signal: 0);
        var accuracy = LinearProbe.Fit(train, trainLabels).Accuracy(test, testLabels);
        Assert.InRange(accuracy, 1 / 3.0 - 0.1, 1 / 3.0 + 0.1); // 3 classes; the sd of 300 draws is 0.027
    }

    [Fact]
    public void A_probe_that_saw_one_class_predicts_it_and_the_basis_drops_directions_without_variance()
    {
        var same = new double[,] { { 1, 2 }, { 1, 2 }, { 1, 2 } };
        Assert.Equal([7, 7], LinearProbe.Fit(same, [7, 7, 7]).Predict(new double[,] { { 0, 0 }, { 5, 5 } }));
        Assert.Equal(1, FeatureBasis.Fit(new double[,] { { 1, 0 }, { 2, 0 }, { 3, 0 } }, 32).Components);
        Assert.Throws<ArgumentException>(() => LinearProbe.Fit(same, [1, 2]));
    }

    /// <summary>n rows of 40 Gaussian features and a label in 0..2 added as <paramref name="signal"/>·e_label.</summary>
    private static (double[,] Features, int[] Labels) Encoded(int n, int seed, double signal)
    {
        var random = new Random(seed);
        var features = new double[n, 40];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = random.Next(3);
            for (var j = 0; j < 40; j++) features[i, j] = Gaussian(random) + (j == labels[i] ? signal : 0);
        }
        return (features, labels);
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
