using System.Text.Json;
using Lethe.Tests.Evaluation;

namespace Lethe.Tests.Audit;

/// <summary>The shared klom.json: EasyDUB's KLoM per example and its 95th percentile on fixed φ matrices.</summary>
internal sealed class KlomTestVector
{
    public sealed record Case(string Name, double[,] Unlearned, double[,] Oracle, string[] Labels, double[] Klom, double P95);

    public required IReadOnlyList<Case> Cases { get; init; }
    public required (double[] Klom, double P95) PercentileCase { get; init; }

    public static KlomTestVector Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestVectorFolder.Require("klom.json")));
        var root = document.RootElement;
        var p95 = root.GetProperty("p95_case");
        return new KlomTestVector
        {
            Cases = root.GetProperty("cases").EnumerateArray().Select(c => new Case(
                c.GetProperty("name").GetString()!,
                JsonArrays.Matrix(c.GetProperty("unlearned")),
                JsonArrays.Matrix(c.GetProperty("oracle")),
                c.GetProperty("examples").EnumerateArray().Select(e => e.GetProperty("label").GetString()!).ToArray(),
                JsonArrays.Vector(c.GetProperty("expected").GetProperty("klom")),
                c.GetProperty("expected").GetProperty("p95").GetDouble())).ToArray(),
            PercentileCase = (JsonArrays.Vector(p95.GetProperty("klom")), p95.GetProperty("p95").GetDouble()),
        };
    }
}
