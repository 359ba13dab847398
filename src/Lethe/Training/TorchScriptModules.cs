using System.Collections;
using Razorvine.Pickle.Objects;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// The parameters and buffers of a TorchScript module (torch.jit.save of a scripted or traced model), keyed as its
/// state_dict keys them. data.pkl holds one object per submodule, of a compiled class such as
/// __torch__.torchvision.models.resnet.ResNet, built without arguments and given its attributes: its tensors, its
/// submodules, and settings (training, eps). The compiled code beside it (code/) is what Lethe never runs.
/// </summary>
internal static class TorchScriptModules
{
    /// <summary>The Python that turns a TorchScript archive into a state_dict, for when its weights cannot be found.</summary>
    public const string ResaveAdvice = "torch.save(torch.jit.load(\"m.pt\").state_dict(), \"m.pth\")";

    /// <summary>Deeper than any real network nests its modules (ResNet-18: 3), shallow enough for the call stack.</summary>
    private const int MaxDepth = 64;

    /// <param name="saved">The unpickled data.pkl.</param>
    /// <param name="path">The file, for messages.</param>
    /// <returns>Key ("layer1.0.bn1.running_mean") → tensor, and one phrase saying where they came from.</returns>
    /// <exception cref="InvalidDataException">data.pkl holds no module, or modules nested past any network's depth.</exception>
    public static (Hashtable Tensors, string Note) StateDict(object? saved, string path)
    {
        if (saved is not ClassDict root || !IsModule(root))
            throw new InvalidDataException($"{path}: a TorchScript archive (torch.jit.save) whose data.pkl holds a " +
                $"{PythonValues.Describe(saved)}, not a module; turn it into a state_dict in Python with {ResaveAdvice}");
        var tensors = new Hashtable();
        Collect(root, "", tensors, [], path);
        return (tensors, $"read the {tensors.Count} tensors of TorchScript module {PythonValues.ClassName(root.ClassName)} (its code is not run)");
    }

    private static bool IsModule(ClassDict value) => value.ClassName.StartsWith("__torch__.", StringComparison.Ordinal);

    /// <summary>Walks the submodules; <paramref name="ancestors"/> stops a pickle whose module contains itself.</summary>
    private static void Collect(ClassDict module, string prefix, Hashtable tensors, HashSet<ClassDict> ancestors, string path)
    {
        if (ancestors.Count >= MaxDepth || !ancestors.Add(module))
            throw new InvalidDataException($"{path}: a TorchScript archive whose modules nest without end at '{prefix}'; " +
                $"turn it into a state_dict in Python with {ResaveAdvice}");
        foreach (var (name, value) in module)
        {
            if (value is Tensor tensor) tensors[prefix + name] = tensor;
            else if (value is ClassDict child && IsModule(child)) Collect(child, $"{prefix}{name}.", tensors, ancestors, path);
        }
        ancestors.Remove(module);
    }
}
