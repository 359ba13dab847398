using static Lethe.Tests.Training.TorchSaveWriter;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>A state_dict re-laid as flat-parameter trainers and weight surgery save it, with the wrappers trainers add.</summary>
internal static class ResNetLayouts
{
    /// <summary>
    /// Writes <paramref name="stateDict"/> with every float tensor a view of one float storage and every counter a view of
    /// one long storage, fc.weight stored column-major (strides (1, rows)), every key under <paramref name="prefix"/>, and,
    /// if <paramref name="wrap"/>, inside a trainer's checkpoint {"state_dict", "epoch", "best_acc", "optimizer"}.
    /// Without <paramref name="counters"/> the BatchNorm counters are left out, as in files saved before PyTorch 0.4.1.
    /// </summary>
    public static void WriteFlat(string path, IReadOnlyDictionary<string, Tensor> stateDict, string prefix, bool wrap, bool counters,
        int protocol = 2)
    {
        using var scope = NewDisposeScope();
        var parts = new Dictionary<ScalarType, List<Tensor>>();
        var laid = new List<(string Key, ScalarType Dtype, long Offset, long[] Size, long[] Stride)>();
        foreach (var (key, tensor) in stateDict)
        {
            if (!counters && key.EndsWith(".num_batches_tracked")) continue;
            bool columnMajor = key == "fc.weight";
            var part = parts.TryGetValue(tensor.dtype, out var list) ? list : parts[tensor.dtype] = [];
            laid.Add((prefix + key, tensor.dtype, part.Sum(p => p.numel()), tensor.shape,
                columnMajor ? [1, tensor.shape[0]] : ContiguousStrides(tensor.shape)));
            part.Add((columnMajor ? tensor.t() : tensor).contiguous().flatten());
        }
        var writer = new TorchSaveWriter(protocol);
        var storages = parts.ToDictionary(p => p.Key, p => writer.Storage(cat(p.Value)));
        var weights = new TorchSaveWriter.OrderedDict();
        foreach (var (key, dtype, offset, size, stride) in laid) weights[key] = new View(storages[dtype], offset, size, stride);
        writer.Write(path, wrap ? TrainerCheckpoint(weights) : weights);
    }

    private static long[] ContiguousStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long step = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = step;
            step *= shape[i];
        }
        return strides;
    }

    /// <summary>What a training script saves around the weights: the epoch, a score, SGD's state_dict (ints, floats, lists).</summary>
    private static Dictionary<string, object?> TrainerCheckpoint(object weights) => new()
    {
        ["state_dict"] = weights,
        ["epoch"] = 12,
        ["best_acc"] = 0.6125,
        ["optimizer"] = new Dictionary<string, object?>
        {
            ["state"] = new Dictionary<string, object?>(),
            ["param_groups"] = new List<object?>
            {
                new Dictionary<string, object?> { ["lr"] = 0.1, ["momentum"] = 0.9, ["nesterov"] = false, ["foreach"] = null, ["params"] = new List<object?> { 0, 1, 2 } },
            },
        },
    };
}
