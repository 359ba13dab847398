using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Evaluation;

/// <summary>
/// The penultimate features of a network on a set: the input to its last layer ("fc", 512 values for ResNet-18), in the
/// set's order, with the scorer's evaluation settings. The representation tests (CKA, linear probes) read these, since
/// a method can hide a person in its output layer while its features still hold them (Kim et al. 2025, arXiv 2503.06991).
/// </summary>
public static class PenultimateFeatures
{
    /// <summary>Why <paramref name="model"/> has no penultimate features here (its last layer is not "fc": a network
    /// Lethe did not build), or null when it has them. The representation metrics show "–" with this reason.</summary>
    public static string? Missing(nn.Module<Tensor, Tensor> model) =>
        model.named_children().LastOrDefault().name == "fc" ? null : "the network's last layer is not 'fc': no penultimate features";

    /// <summary>Features, N × D in float64, of every image of <paramref name="set"/>; the model is not changed.</summary>
    /// <exception cref="ArgumentException">The network has no last layer named "fc" (every architecture Lethe builds has).</exception>
    public static double[,] Of(nn.Module<Tensor, Tensor> model, PredictionTask task, ImageSet set, IImageTransform transform, Device device,
        int batchSize = 64)
    {
        var children = model.named_children().ToArray();
        if (children.Length == 0 || children[^1].name != "fc")
            throw new ArgumentException("the network's last layer is not 'fc': its penultimate features are not defined here");
        var body = children[..^1].Select(c => (nn.Module<Tensor, Tensor>)c.module).ToArray();
        model.eval();
        var rows = new List<double[]>(set.Count);
        var loader = new BatchLoader(set, task, transform, BatchOptions.Evaluation with { BatchSize = batchSize }, device, 0, "eval");
        using var noGrad = no_grad();
        foreach (var batch in loader.Epoch())
        {
            using (batch)
            using (var scope = NewDisposeScope())
            {
                var x = batch.Images;
                foreach (var layer in body) x = layer.call(x);
                var features = x.flatten(1).to_type(ScalarType.Float64).cpu();
                var (n, d) = ((int)features.shape[0], (int)features.shape[1]);
                var values = features.data<double>().ToArray();
                for (var i = 0; i < n; i++) rows.Add(values[(i * d)..((i + 1) * d)]);
            }
        }
        var matrix = new double[rows.Count, rows.Count == 0 ? 0 : rows[0].Length];
        for (var i = 0; i < rows.Count; i++)
            for (var j = 0; j < rows[i].Length; j++) matrix[i, j] = rows[i][j];
        return matrix;
    }
}
