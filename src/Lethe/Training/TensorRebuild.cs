using Razorvine.Pickle;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// What PyTorch's unpickler calls for the globals of a state_dict, rebuilt as torch/_utils.py does, for
/// <see cref="StateDictUnpickler"/>.
/// </summary>
internal static class TensorRebuild
{
    /// <summary>Registry name → a constructor, given the one registered before it (PyBridge's, or null).</summary>
    public static IEnumerable<(string Name, Func<IObjectConstructor?, IObjectConstructor> Create)> Constructors =>
    [
        ("torch._utils._rebuild_tensor_v2", previous => new Chained(args => args[0] is StorageBlock, View, previous)),
        ("torch._utils._rebuild_tensor", previous => new Chained(args => args[0] is StorageBlock, View, previous)),
        ("torch._utils._rebuild_parameter", previous => new Chained(args => args[0] is Tensor, Parameter, previous)),
        ("collections.OrderedDict", _ => new OrderedDictConstructor()),
    ];

    /// <summary>
    /// _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]) and the
    /// older _rebuild_tensor(storage, storage_offset, size, stride): a view of the storage, as PyTorch makes it.
    /// </summary>
    private static Tensor View(object[] args)
    {
        if (args.Length < 4 || args[0] is not StorageBlock storage || args[2] is not object[] size
            || args[3] is not object[] stride || size.Length != stride.Length)
            throw new InvalidDataException("a tensor is not described as (storage, offset, size, stride)");
        long offset = Convert.ToInt64(args[1]);
        long[] sizes = [.. size.Select(Convert.ToInt64)], strides = [.. stride.Select(Convert.ToInt64)];
        RequireWithin(storage, offset, sizes, strides);
        return storage.Flat.as_strided(sizes, strides, offset);
    }

    /// <summary>LibTorch would refuse a view past its storage too, but with a message about its own internals.</summary>
    private static void RequireWithin(StorageBlock storage, long offset, long[] sizes, long[] strides)
    {
        long elements = storage.Flat.shape[0];
        if (offset >= 0 && sizes.All(s => s >= 0) && strides.All(s => s >= 0))
        {
            if (sizes.Contains(0)) return; // an empty tensor reads nothing
            long last = offset;
            for (int i = 0; i < sizes.Length; i++) last = checked(last + (sizes[i] - 1) * strides[i]);
            if (last < elements) return;
        }
        throw new InvalidDataException($"a tensor of size [{string.Join(",", sizes)}], stride [{string.Join(",", strides)}] " +
            $"and offset {offset} does not fit its storage data/{storage.Key} of {elements} elements");
    }

    /// <summary>_rebuild_parameter(data, requires_grad, backward_hooks): state_dict(keep_vars=True) saves Parameters.</summary>
    private static Tensor Parameter(object[] args) => (Tensor)args[0];

    /// <summary>Ours for the objects Lethe's unpickler makes, the previous constructor for anything else.</summary>
    private sealed class Chained(Func<object[], bool> isOurs, Func<object[], object> build, IObjectConstructor? previous)
        : IObjectConstructor
    {
        public object construct(object[] args) =>
            args.Length > 0 && isOurs(args) ? build(args)
            : previous?.construct(args) ?? throw new InvalidDataException("a tensor without a storage Lethe can read");
    }

    private sealed class OrderedDictConstructor : IObjectConstructor
    {
        public object construct(object[] args) => new PickledOrderedDict();
    }
}
