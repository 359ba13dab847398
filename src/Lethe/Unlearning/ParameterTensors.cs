using static TorchSharp.torch;

namespace Lethe.Unlearning;

/// <summary>One tensor per named parameter of a network (gradient sums, importances, masks), owned here.</summary>
public sealed class ParameterTensors(IReadOnlyDictionary<string, Tensor> byName) : IDisposable
{
    public Tensor this[string name] => byName[name];

    public IEnumerable<string> Names => byName.Keys;

    public void Dispose()
    {
        foreach (var tensor in byName.Values) tensor.Dispose();
    }
}
