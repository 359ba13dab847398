using System.Text.Json;
using Lethe.Tests.Evaluation;

namespace Lethe.Tests.Audit;

/// <summary>The shared epsilon_score.json: the NeurIPS-2023 challenge scorer's outputs on fixed φ matrices.</summary>
internal sealed class EpsilonTestVector
{
    /// <summary>One epsilon case: matrices, the official ε per example and F, and (two cases) the utility-adjusted score.</summary>
    public sealed record Case(
        string Name,
        double[,] Unlearned,
        double[,] Retrained,
        string[] Labels,
        double[] Epsilon,
        double ForgetScore,
        Utility? Utility,
        IReadOnlyList<Derived> Derived);

    /// <summary>Per-model accuracies in percent, and main.py's final score.</summary>
    public sealed record Utility(double[] UnlearnedRetain, double[] UnlearnedTest, double[] RetrainedRetain, double[] RetrainedTest,
        double FinalScore);

    /// <summary>The vector's own (non-official) re-derivation of one example: its route, sides and grid sizes.</summary>
    public sealed record Derived(string Route, string PositiveSide, string NarrowSide, int? OneSidedCount, int? RightEdgeCount);

    public sealed record ScoreCase(int ModelCount, double[] Epsilon, double[] PointsEach, double ForgetScore);

    public required IReadOnlyList<Case> Cases { get; init; }
    public required IReadOnlyList<ScoreCase> ScoreCases { get; init; }
    public required (double[,] Unlearned, double[,] Retrained) ErrorCase { get; init; }
    public required (float[,] Logits, int[] Targets, double[] Phi) PhiCase { get; init; }

    public static EpsilonTestVector Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestVectorFolder.Require("epsilon_score.json")));
        var root = document.RootElement;
        var error = root.GetProperty("error_cases")[0];
        var phi = root.GetProperty("phi_case");
        return new EpsilonTestVector
        {
            Cases = root.GetProperty("epsilon_cases").EnumerateArray().Select(ReadCase).ToArray(),
            ScoreCases = root.GetProperty("score_cases").EnumerateArray().Select(c => new ScoreCase(
                c.GetProperty("n_models").GetInt32(),
                JsonArrays.Vector(c.GetProperty("epsilon")),
                JsonArrays.Vector(c.GetProperty("expected").GetProperty("points_each")),
                c.GetProperty("expected").GetProperty("forget_score").GetDouble())).ToArray(),
            ErrorCase = (JsonArrays.Matrix(error.GetProperty("unlearned")), JsonArrays.Matrix(error.GetProperty("retrained"))),
            PhiCase = (JsonArrays.FloatMatrix(phi.GetProperty("logits_float32")), JsonArrays.Ints(phi.GetProperty("targets")),
                JsonArrays.Vector(phi.GetProperty("phi"))),
        };
    }

    private static Case ReadCase(JsonElement c)
    {
        var expected = c.GetProperty("expected");
        Utility? utility = null;
        if (c.TryGetProperty("utility", out var u))
            utility = new Utility(
                JsonArrays.Vector(u.GetProperty("u_retain")), JsonArrays.Vector(u.GetProperty("u_test")),
                JsonArrays.Vector(u.GetProperty("r_retain")), JsonArrays.Vector(u.GetProperty("r_test")),
                expected.GetProperty("final_score").GetDouble());
        return new Case(
            c.GetProperty("name").GetString()!,
            JsonArrays.Matrix(c.GetProperty("unlearned")),
            JsonArrays.Matrix(c.GetProperty("retrained")),
            c.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("label").GetString()!).ToArray(),
            JsonArrays.Vector(expected.GetProperty("epsilon")),
            expected.GetProperty("forget_score").GetDouble(),
            utility,
            c.GetProperty("derived").GetProperty("per_example").EnumerateArray().Select(ReadDerived).ToArray());
    }

    private static Derived ReadDerived(JsonElement d) => new(
        d.GetProperty("route").GetString()!,
        d.GetProperty("positive_side").GetString()!,
        d.GetProperty("narrow_side").GetString()!,
        OptionalInt(d, "single_threshold_count"),
        OptionalInt(d, "right_threshold_count"));

    private static int? OptionalInt(JsonElement d, string name) =>
        d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
