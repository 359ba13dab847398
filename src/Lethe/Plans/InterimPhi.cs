using Lethe.Audit;
using Lethe.Data;
using Lethe.Models;
using static TorchSharp.torch;

namespace Lethe.Plans;

/// <summary>
/// Interim: computes and stores a model's φ table while the evaluation path does not yet do it itself (issue 12 point
/// 1 is being built beside the audit); remove once ModelEvaluation carries φ and RunStore writes it.
/// </summary>
internal static class InterimPhi
{
    public static string PathOf(string runDirectory, string label) =>
        Path.Combine(runDirectory, Experiments.RunStore.ModelsFolder, $"{Experiments.RunStore.Slug(label)}.phi.parquet");

    public static void Write(string path, nn.Module<Tensor, Tensor> model, BenchmarkData data, IImageTransform transform, Device device,
        IReadOnlyDictionary<string, string> metadata)
    {
        var rows = new List<PhiRow>();
        foreach (var (name, set) in new[] { ("forget", data.Forget), ("retain", data.Retain), ("test", data.Test), ("unseen", data.Unseen) })
            rows.AddRange(Rows(name, model, data.Task, set, transform, device));
        PhiTable.Write(path, rows, metadata);
    }

    private static IEnumerable<PhiRow> Rows(string setName, nn.Module<Tensor, Tensor> model, PredictionTask task, ImageSet set,
        IImageTransform transform, Device device)
    {
        model.eval();
        var loader = new BatchLoader(set, task, transform, BatchOptions.Evaluation, device, 0, "eval");
        var logits = new List<float[]>();
        using (no_grad())
            foreach (var batch in loader.Epoch())
                using (batch)
                using (NewDisposeScope())
                {
                    var output = model.call(batch.Images).cpu();
                    var values = output.data<float>().ToArray();
                    var width = (int)output.shape[1];
                    for (var i = 0; i < output.shape[0]; i++) logits.Add(values.AsSpan(i * width, width).ToArray());
                }
        var multiLabel = task is MultiLabelTask;
        for (var i = 0; i < set.Count; i++)
        {
            var sample = set.Samples[i];
            if (multiLabel)
                for (var a = 0; a < sample.Labels.Length; a++)
                    yield return new PhiRow(setName, i, sample.Identity, a, sample.Labels[a],
                        float.IsFinite(logits[i][a]) ? Phi.FromSigmoidLogit(logits[i][a], sample.Labels[a] == 1) : double.NaN);
            else
                yield return new PhiRow(setName, i, sample.Identity, 0, sample.Labels[0],
                    logits[i].All(float.IsFinite) ? Phi.FromLogits(logits[i], sample.Labels[0]) : double.NaN);
        }
    }
}
