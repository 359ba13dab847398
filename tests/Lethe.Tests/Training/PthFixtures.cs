using System.Text.Json;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>
/// The files Fixtures/make_pth_fixtures.py wrote once with real PyTorch (1.13): one small .pth per way people save
/// checkpoints, the input, and Tiny's outputs after PyTorch loaded each. Tests read them; nothing here runs Python.
/// </summary>
internal static class PthFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Training", "Fixtures", "pth", name);

    /// <summary>What PyTorch did with each kind (expected.json): "loads" or its error, and the BatchNorm counter after.</summary>
    public static JsonElement Kind(string kind)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path("expected.json")));
        return json.RootElement.GetProperty("kinds").GetProperty(kind).Clone();
    }

    public static IEnumerable<string> Kinds()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path("expected.json")));
        return [.. json.RootElement.GetProperty("kinds").EnumerateObject().Select(p => p.Name)];
    }

    public static Tensor Floats(string name, params long[] shape) => PyTorchFixtures.ReadFloatFile(Path(name), shape);
}
