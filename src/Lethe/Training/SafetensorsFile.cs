using System.Buffers.Binary;
using System.Collections;
using System.Text.Json;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Reads Hugging Face's safetensors format (https://github.com/huggingface/safetensors; timm's ResNet-18 on the Hub is a
/// model.safetensors): an 8-byte little-endian header length, a JSON header giving each tensor's dtype, shape and
/// data_offsets (from the end of the header), then the tensors' raw little-endian bytes. Nothing in it can run.
/// The header is checked here; TorchSharp.PyBridge's reader then reads the tensors.
/// </summary>
/// <remarks>
/// Why check first: PyBridge's reader allocates each tensor at the size its header claims before comparing that size
/// with the offsets, accepts a header of up to 2 GB, and never compares the offsets with the file's length, so a damaged
/// or hostile header fails with a message that names no file, or asks for any amount of memory.
/// </remarks>
internal static class SafetensorsFile
{
    /// <summary>The safetensors package's own limit on the header (MAX_HEADER_SIZE).</summary>
    private const long MaxHeaderBytes = 100_000_000;

    /// <summary>The format's dtypes that PyBridge reads, with their bytes per element.</summary>
    private static readonly Dictionary<string, (ScalarType Type, int Bytes)> Dtypes = new()
    {
        ["F64"] = (ScalarType.Float64, 8), ["F32"] = (ScalarType.Float32, 4), ["F16"] = (ScalarType.Float16, 2),
        ["BF16"] = (ScalarType.BFloat16, 2), ["I64"] = (ScalarType.Int64, 8), ["I32"] = (ScalarType.Int32, 4),
        ["I16"] = (ScalarType.Int16, 2), ["I8"] = (ScalarType.Int8, 1), ["U8"] = (ScalarType.Byte, 1), ["BOOL"] = (ScalarType.Bool, 1),
    };

    /// <summary>The file's tensors by name, in the current dispose scope.</summary>
    /// <exception cref="InvalidDataException">The header is damaged or names what Lethe does not read; the message names the file.</exception>
    public static Hashtable Read(string path)
    {
        using var stream = File.OpenRead(path);
        using (var header = Header(stream, path))
            Check(header.RootElement, stream.Length - stream.Position, path);
        stream.Position = 0;
        return new Hashtable(Safetensors.LoadStateDict(stream, leaveOpen: true));
    }

    /// <summary>The JSON header; leaves the stream at the first tensor byte.</summary>
    private static JsonDocument Header(Stream stream, string path)
    {
        Span<byte> prefix = stackalloc byte[8];
        if (stream.ReadAtLeast(prefix, 8, throwOnEndOfStream: false) < 8) throw Bad(path, "it is shorter than a safetensors header");
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (length > MaxHeaderBytes || length > (ulong)(stream.Length - 8))
            throw Bad(path, $"its safetensors header claims {length} bytes, more than the file's {stream.Length - 8} after the length");
        var json = new byte[length];
        stream.ReadExactly(json);
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw Bad(path, $"its safetensors header is not JSON ({e.Message})");
        }
    }

    /// <summary>Every tensor's dtype, shape and offsets, before anything is allocated.</summary>
    private static void Check(JsonElement header, long dataBytes, string path)
    {
        if (header.ValueKind != JsonValueKind.Object) throw Bad(path, "its safetensors header is not a JSON object");
        long total = 0;
        foreach (var tensor in header.EnumerateObject().Where(p => p.Name != "__metadata__"))
        {
            long bytes = TensorBytes(tensor, dataBytes, path);
            total += bytes;
            if (total > StateDictUnpickler.MaxStorageBytes)
                throw Bad(path, $"its tensors hold over {StateDictUnpickler.MaxStorageBytes >> 20} MiB, far more than a ResNet-18 (45 MB)");
        }
    }

    /// <summary>The bytes of one tensor, after checking that its entry is well formed and its bytes lie in the file.</summary>
    private static long TensorBytes(JsonProperty tensor, long dataBytes, string path)
    {
        var entry = tensor.Value;
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("dtype", out var dtype) || dtype.ValueKind != JsonValueKind.String
            || Longs(entry, "shape") is not { } shape || Longs(entry, "data_offsets") is not [var begin, var end])
            throw Bad(path, $"its safetensors entry '{tensor.Name}' lacks a dtype, a shape or two data_offsets");
        if (!Dtypes.TryGetValue(dtype.GetString()!, out var type))
            throw Bad(path, $"tensor '{tensor.Name}' has dtype {dtype.GetString()}, which Lethe does not read (it reads {string.Join(", ", Dtypes.Keys)})");
        long expected = type.Bytes;
        try
        {
            foreach (var size in shape) expected = checked(expected * size);
        }
        catch (OverflowException)
        {
            expected = -1;
        }
        if (shape.Any(s => s < 0) || begin < 0 || end < begin || end > dataBytes || expected != end - begin)
            throw Bad(path, $"tensor '{tensor.Name}' of dtype {dtype.GetString()} and shape [{string.Join(",", shape)}] does not fit " +
                $"its data_offsets [{begin},{end}] in the file's {dataBytes} bytes of tensors");
        return expected;
    }

    /// <summary>An array of integers, or null when the property is missing or holds anything else.</summary>
    private static long[]? Longs(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array) return null;
        var values = new List<long>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var value)) return null;
            values.Add(value);
        }
        return [.. values];
    }

    private static InvalidDataException Bad(string path, string problem) => new($"{path}: {problem}");
}
