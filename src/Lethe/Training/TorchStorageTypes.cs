using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// The storage classes torch.save names (torch.FloatStorage, ...) and the element type each holds. A storage class is
/// what a checkpoint uses to say the dtype of a block of raw bytes.
/// </summary>
internal static class TorchStorageTypes
{
    /// <summary>Class name in module torch → element type.</summary>
    public static IReadOnlyDictionary<string, ScalarType> ByName { get; } = new Dictionary<string, ScalarType>
    {
        ["DoubleStorage"] = ScalarType.Float64,
        ["FloatStorage"] = ScalarType.Float32,
        ["HalfStorage"] = ScalarType.Float16,
        ["BFloat16Storage"] = ScalarType.BFloat16,
        ["LongStorage"] = ScalarType.Int64,
        ["IntStorage"] = ScalarType.Int32,
        ["ShortStorage"] = ScalarType.Int16,
        ["CharStorage"] = ScalarType.Int8,
        ["ByteStorage"] = ScalarType.Byte,
        ["BoolStorage"] = ScalarType.Bool,
        ["ComplexDoubleStorage"] = ScalarType.ComplexFloat64,
        ["ComplexFloatStorage"] = ScalarType.ComplexFloat32,
    };
}
