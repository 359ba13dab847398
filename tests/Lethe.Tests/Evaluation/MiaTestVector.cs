using System.Text.Json;
using Lethe.Evaluation;

namespace Lethe.Tests.Evaluation;

/// <summary>One of the shared mia_*.json files: scikit-learn's attack on fixed losses, splits and fits.</summary>
internal sealed record MiaTestVector(
    double[] Features,
    int[] Labels,
    double FullCoefficient,
    double FullIntercept,
    IReadOnlyList<(TrainTestSplit Split, double Coefficient, double Intercept, double Accuracy)> Splits,
    double MeanAccuracy,
    double ForgettingScore)
{
    public static MiaTestVector Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var fullFit = root.GetProperty("full_fit");
        var splits = root.GetProperty("splits").EnumerateArray().Select(s => (
            new TrainTestSplit(Ints(s.GetProperty("train")), Ints(s.GetProperty("test"))),
            s.GetProperty("coef").GetDouble(),
            s.GetProperty("intercept").GetDouble(),
            s.GetProperty("accuracy").GetDouble())).ToArray();
        return new MiaTestVector(
            root.GetProperty("features").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            Ints(root.GetProperty("labels")),
            fullFit.GetProperty("coef").GetDouble(),
            fullFit.GetProperty("intercept").GetDouble(),
            splits,
            root.GetProperty("mean_accuracy").GetDouble(),
            root.GetProperty("forgetting_score").GetDouble());
    }

    private static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
