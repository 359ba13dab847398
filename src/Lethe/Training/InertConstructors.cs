using Razorvine.Pickle;

namespace Lethe.Training;

/// <summary>
/// What Lethe's unpickler builds for the globals that trainers call with arguments beside the weights, none of which it
/// runs: NumPy scalars and arrays (a best accuracy kept as NumPy computed it), torch.Size and torch.device, and the
/// list builders of TorchScript's data.pkl. Objects built without arguments (argparse.Namespace, a TorchScript module)
/// need no entry: Razorvine keeps any such object as a ClassDict of its attributes.
/// </summary>
internal static class InertConstructors
{
    /// <summary>Registry name → constructor. NumPy 2 moved numpy.core to numpy._core, and pickles name either.</summary>
    public static IEnumerable<(string Name, IObjectConstructor Constructor)> All =>
    [
        ("numpy.core.multiarray.scalar", Inert("numpy scalar")),
        ("numpy._core.multiarray.scalar", Inert("numpy scalar")),
        ("numpy.core.multiarray._reconstruct", Inert("numpy array")),
        ("numpy._core.multiarray._reconstruct", Inert("numpy array")),
        ("numpy.dtype", Inert("numpy dtype")),
        ("torch.device", Inert("torch.device")),
        ("torch.Size", FirstArgument),
        // torch/jit/_pickle.py: each returns its first argument, the value itself (a list, or a value and its type's name).
        ("torch.jit._pickle.build_intlist", FirstArgument),
        ("torch.jit._pickle.build_doublelist", FirstArgument),
        ("torch.jit._pickle.build_boollist", FirstArgument),
        ("torch.jit._pickle.build_tensorlist", FirstArgument),
        ("torch.jit._pickle.restore_type_tag", FirstArgument),
    ];

    private static Constructor Inert(string kind) => new(_ => new InertValue(kind));

    private static Constructor FirstArgument { get; } = new(args => args.Length > 0 ? args[0]
        : throw new InvalidDataException("a TorchScript list or torch.Size without its value"));

    private sealed class Constructor(Func<object[], object> build) : IObjectConstructor
    {
        public object construct(object[] args) => build(args);
    }
}
