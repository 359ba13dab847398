using System.Runtime.InteropServices;
using Lethe.Models;
using Lethe.Tests.Evaluation;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>Models, state_dict files and reference tensors for the PyTorch import/export tests.</summary>
internal static class PyTorchFixtures
{
    /// <summary>A seeded ResNet-18 whose BatchNorm statistics and counters have moved, so buffers are worth comparing.</summary>
    public static nn.Module<Tensor, Tensor> ModelWithStatistics(int outputs, long seed = 5)
    {
        var model = Networks.Create("resnet18", outputs, CPU, initSeed: seed);
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        model.train();
        model.call(rand([4, 3, 32, 32], generator: generator));
        model.eval();
        return model;
    }

    /// <summary>Writes a state_dict exactly as given (PyBridge's writer), for files that Lethe itself would never write.</summary>
    public static void WriteStateDict(string path, IDictionary<string, Tensor> stateDict)
    {
        using var stream = File.Create(path);
        PyTorchPickler.PickleStateDict(stream, new Dictionary<string, Tensor>(stateDict));
    }

    /// <summary>The state_dict keys of a ResNet-18 with <paramref name="outputs"/> outputs, in the model's order.</summary>
    public static IReadOnlyList<string> ResNetKeys(int outputs)
    {
        using var model = Networks.Create("resnet18", outputs, CPU, initSeed: 0);
        return [.. model.state_dict().Keys];
    }

    /// <summary>A state_dict file with these keys and one-element tensors: quick to write, enough for the key checks.</summary>
    public static void WriteTinyStateDict(string path, IEnumerable<string> keys)
    {
        using var scope = NewDisposeScope();
        WriteStateDict(path, keys.ToDictionary(k => k, _ => zeros(1)));
    }

    /// <summary>A float32 little-endian file of the test vectors as a tensor of <paramref name="shape"/>.</summary>
    public static Tensor ReadFloats(string fileName, params long[] shape) => ReadFloatFile(TestVectorFolder.Require(fileName), shape);

    /// <summary>A float32 little-endian file (as numpy's tofile writes it) as a tensor of <paramref name="shape"/>.</summary>
    public static Tensor ReadFloatFile(string path, params long[] shape)
    {
        Assert.True(BitConverter.IsLittleEndian);
        return tensor(MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray(), shape);
    }

    public static Tensor Logits(nn.Module<Tensor, Tensor> model, Tensor input)
    {
        model.eval();
        using var noGrad = no_grad();
        return model.call(input);
    }

    /// <summary>Whether every parameter and buffer has the same dtype, shape and bits.</summary>
    public static void AssertIdentical(nn.Module<Tensor, Tensor> expected, nn.Module<Tensor, Tensor> actual)
    {
        using var scope = NewDisposeScope();
        var a = expected.state_dict();
        var b = actual.state_dict();
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (key, tensor) in a)
        {
            Assert.Equal(tensor.dtype, b[key].dtype);
            Assert.True(tensor.equal(b[key]).all().item<bool>(), $"{key} differs");
        }
    }
}
