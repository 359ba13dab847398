using System.Collections;
using System.Numerics;
using System.Text.RegularExpressions;
using Razorvine.Pickle.Objects;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>Names what an unpickled value was in Python, for messages about what a checkpoint holds beside its weights.</summary>
internal static partial class PythonValues
{
    /// <summary>"int", "dict", "numpy scalar", "argparse.Namespace", ...: Python's type name, or a class's full name.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "None",
        bool => "bool",
        int or long or BigInteger => "int",
        double => "float",
        string => "str",
        byte[] => "bytes",
        Tensor => "tensor",
        Hashtable => "dict",
        ArrayList => "list",
        object[] => "tuple",
        HashSet<object> => "set",
        InertValue inert => inert.Kind,
        ClassDict instance => ClassName(instance.ClassName),
        ClassDictConstructor reference => ClassName($"{reference.module}.{reference.name}"), // named, never called
        _ => value.GetType().Name,
    };

    /// <summary>
    /// A class's name without TorchScript's mangling: torch.jit numbers each compiled variant of a class
    /// (__torch__.torchvision.models.resnet.___torch_mangle_92.ResNet), which tells a user nothing.
    /// </summary>
    public static string ClassName(string name) => Mangled().Replace(name, "");

    [GeneratedRegex(@"___torch_mangle_\d+\.")]
    private static partial Regex Mangled();
}
