using Lethe.Data;
using Lethe.Numerics;
using static TorchSharp.torch;

namespace Lethe.Evaluation.Metrics;

/// <summary>
/// What the representation and weight-space metrics read: a seeded, capped part of a set, so that their extra forward
/// passes stay a fraction of the standard pass's, and the penultimate features of a model on it.
/// </summary>
public static class ProbeInputs
{
    /// <summary>
    /// At most <paramref name="cap"/> images of <paramref name="set"/>, in the set's order: all of them when it is no
    /// larger, else a Fisher–Yates draw from the named seed stream <paramref name="stream"/> of seed 0, so every model of
    /// every run gets the same images. The caller disposes the result (it owns its handle; see <see cref="ImageSet.Subset"/>).
    /// </summary>
    public static ImageSet Capped(ImageSet set, int cap, string stream)
    {
        var rows = Enumerable.Range(0, set.Count).ToArray();
        if (set.Count <= cap) return set.Subset(rows);
        Permutation.Shuffle(rows, Seeds.Random(0, stream));
        return set.Subset(rows[..cap].Order().ToArray());
    }

    /// <summary>The N × 512 penultimate features of <paramref name="model"/> on <paramref name="set"/>, with the context's task,
    /// transform and device, computed once per evaluation (<see cref="MetricContext.Features"/>); read only.</summary>
    public static double[,] Features(MetricContext context, nn.Module<Tensor, Tensor> model, ImageSet set) =>
        context.Features.Of(context, model, set);

    /// <summary>The rows <paramref name="rows"/> of an N × D matrix, in that order.</summary>
    public static double[,] Rows(double[,] matrix, IReadOnlyList<int> rows)
    {
        var d = matrix.GetLength(1);
        var picked = new double[rows.Count, d];
        for (var i = 0; i < rows.Count; i++)
            for (var j = 0; j < d; j++) picked[i, j] = matrix[rows[i], j];
        return picked;
    }
}
