using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace Lethe.Tests.Architecture;

/// <summary>
/// The library's namespaces form layers, and no namespace uses one above it (issue 21): a type that a lower layer needs
/// lives in that layer, so a change high up never reaches the foundations, and a metric, a dataset or a scheduler is
/// added where its layer is without touching what sits below.
/// </summary>
public sealed class LayerTests
{
    /// <summary>The layers, lowest first; namespaces in one layer may use each other, and sub-namespaces belong to their parent's layer.</summary>
    public static readonly string[][] Layers =
    [
        ["Lethe.Numerics", "Lethe.IO", "Lethe.Diagnostics"],
        ["Lethe.Models"],
        ["Lethe.Data"],
        ["Lethe.Training"],
        ["Lethe.Unlearning"],
        ["Lethe.Evaluation"],
        ["Lethe.Experiments"],
        ["Lethe.Audit"],
        ["Lethe.Reports"],
        ["Lethe.Plans"],
        ["Lethe.Cluster"],
    ];

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Library = new(() =>
        new ArchLoader().LoadAssemblies(typeof(Lethe.IO.AtomicFile).Assembly).Build());

    [Fact]
    public void No_namespace_uses_one_above_it()
    {
        var upward = Library.Value.Types
            .Where(t => LayerOf(t.Namespace.FullName) >= 0)
            .SelectMany(t => t.Dependencies.Select(d => (From: t, To: d.Target)))
            .Where(e => LayerOf(e.To.Namespace?.FullName ?? "") > LayerOf(e.From.Namespace.FullName))
            .Select(e => $"{Outer(e.From.FullName)} ({e.From.Namespace.FullName}) uses {Outer(e.To.FullName)} ({e.To.Namespace.FullName}), a higher layer")
            .Distinct()
            .Order()
            .ToList();
        Assert.True(upward.Count == 0, $"{upward.Count} upward dependencies:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void Every_library_namespace_has_a_layer()
    {
        var unplaced = Library.Value.Namespaces.Select(n => n.FullName)
            .Where(n => n.StartsWith("Lethe", StringComparison.Ordinal) && n != "Lethe" && LayerOf(n) < 0)
            .Order().ToList();
        Assert.True(unplaced.Count == 0, "namespaces without a layer: " + string.Join(", ", unplaced));
    }

    /// <summary>The test itself must be able to fail: a dependency known to point down is not reported as upward, one made up to point up is.</summary>
    [Fact]
    public void The_layer_order_tells_up_from_down()
    {
        Assert.True(LayerOf("Lethe.Data.Mufac") > LayerOf("Lethe.Models"));
        Assert.True(LayerOf("Lethe.Cluster") > LayerOf("Lethe.Plans"));
        Assert.Equal(LayerOf("Lethe.IO"), LayerOf("Lethe.Numerics"));
        Assert.Equal(-1, LayerOf("System.IO"));
    }

    private static int LayerOf(string ns)
    {
        for (int i = 0; i < Layers.Length; i++)
            if (Layers[i].Any(l => ns == l || ns.StartsWith(l + ".", StringComparison.Ordinal))) return i;
        return -1;
    }

    /// <summary>Compiler-made nested types (lambdas, iterators) are reported as the type they belong to.</summary>
    private static string Outer(string fullName)
    {
        int plus = fullName.IndexOf('+');
        return plus < 0 ? fullName : fullName[..plus];
    }
}
