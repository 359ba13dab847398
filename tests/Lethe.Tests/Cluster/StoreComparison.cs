using System.Text.Json.Nodes;
using Lethe.Plans;

namespace Lethe.Tests.Cluster;

/// <summary>
/// Compares what two stores hold for the cells of a plan, bit for bit where the result is a computation (φ tables,
/// per-sample losses, the Original's weights, every evaluation number, the audit's scores), leaving out only wall
/// times and hosts.
/// </summary>
public static class StoreComparison
{
    /// <summary>Fails on the first difference; returns how many files were compared byte for byte.</summary>
    public static int AssertSame(Plan plan, CellStore expected, CellStore actual)
    {
        var compared = 0;
        foreach (var cell in plan.Cells)
        {
            var (left, right) = (expected.FolderOf(cell), actual.FolderOf(cell));
            var files = Files(left);
            Assert.Equal(files, Files(right));
            foreach (var file in files)
            {
                var (a, b) = (Path.Combine(left, file), Path.Combine(right, file));
                if (file == "done.json") continue;
                if (file.EndsWith(".phi.parquet") || file.EndsWith(".losses.json") || file.EndsWith(".ckpt"))
                {
                    Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{cell.Name}/{file} differs");
                    compared++;
                }
                else if (file.StartsWith("models/") && file.EndsWith(".json"))
                    Assert.Equal(Evaluation(a), Evaluation(b));
                else if (file == CellRunner.AuditResultFile)
                    Assert.Equal(Without(a, "Cost"), Without(b, "Cost"));
                else
                    Assert.Fail($"{cell.Name}: unexpected file {file}");
            }
            var labels = expected.TryDone(cell)!.Labels;
            Assert.Equal(labels.Count, files.Count(f => f.EndsWith(".phi.parquet")));
        }
        return compared;
    }

    private static string[] Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();

    private static string Evaluation(string resultFile)
    {
        var evaluation = JsonNode.Parse(File.ReadAllText(resultFile))!["Result"]!["Evaluation"]!.AsObject();
        evaluation.Remove("EvaluationSeconds");
        return evaluation.ToJsonString();
    }

    public static string Without(string file, string property)
    {
        var node = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        Assert.True(node.Remove(property), $"{file} has no {property}");
        return node.ToJsonString();
    }
}
