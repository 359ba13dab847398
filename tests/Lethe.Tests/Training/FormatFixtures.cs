using System.Text.Json;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>
/// The checkpoints CheckpointFormats/make_fixtures.py wrote once with PyTorch, one per format or trainer habit, and
/// what PyTorch computed from each (expected.json). Tests read them; nothing here runs Python.
/// </summary>
internal static class FormatFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Training", "CheckpointFormats", name);

    /// <summary>The input every file's outputs were computed on, [2, 3, 4, 4].</summary>
    public static Tensor Input()
    {
        var input = Expected().GetProperty("input");
        return tensor(input.GetProperty("values").EnumerateArray().Select(v => v.GetSingle()).ToArray(),
            [.. input.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())]);
    }

    /// <summary>Tiny's outputs [2, 5] in eval mode after PyTorch loaded <paramref name="file"/>, and its BatchNorm counter.</summary>
    public static (Tensor Outputs, long Counter) LoadedByPyTorch(string file)
    {
        var entry = Expected().GetProperty("files").GetProperty(file);
        var rows = entry.GetProperty("outputs").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        return (tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length]), entry.GetProperty("num_batches_tracked").GetInt64());
    }

    private static JsonElement Expected()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path("expected.json")));
        return json.RootElement.Clone();
    }
}
