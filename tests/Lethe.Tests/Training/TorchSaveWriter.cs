using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using static TorchSharp.torch;

namespace Lethe.Tests.Training;

/// <summary>
/// Writes torch.save's zip layout (a protocol-2 or -4 pickle, one entry per storage) for any tensor layout: views at an offset,
/// with any strides, several tensors in one storage, wrapped in a trainer's dict. PyBridge's writer gives every tensor a
/// storage of its own, so ResNet-18-sized variants of the shared test vectors are made with this at test time instead of
/// committing 45 MB files. torch.load (PyTorch 1.13) reads what it writes: checked once by hand when it was written.
/// </summary>
/// <param name="protocol">2, torch.save's default (globals as GLOBAL lines), or 4 (as STACK_GLOBAL after two strings,
/// each memoized, as Python's pickler writes them for torch.save(..., pickle_protocol=4)).</param>
internal sealed class TorchSaveWriter(int protocol = 2)
{
    /// <summary>A tensor as torch.save describes it: which storage, and where in it.</summary>
    public sealed record View(int Storage, long Offset, long[] Size, long[] Stride);

    /// <summary>A dict pickled as collections.OrderedDict, as state_dict() returns it.</summary>
    public sealed class OrderedDict : Dictionary<string, object?>;

    private readonly List<Tensor> _storages = [];

    /// <summary>Adds a storage (its elements, contiguous; the dtype names its storage class) and returns its index.</summary>
    public int Storage(Tensor flat)
    {
        _storages.Add(flat.contiguous().cpu());
        return _storages.Count - 1;
    }

    /// <summary>Writes <paramref name="root"/>: dicts, lists, strings, ints, doubles, bools, nulls and <see cref="View"/>s.</summary>
    public void Write(string path, object root)
    {
        var pickle = new MemoryStream();
        pickle.Write([0x80, (byte)protocol]);
        Pickle(pickle, root);
        pickle.WriteByte((byte)'.');
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        AddEntry(archive, "archive/data.pkl", pickle.ToArray());
        for (int i = 0; i < _storages.Count; i++) AddEntry(archive, $"archive/data/{i}", _storages[i].bytes.ToArray());
        AddEntry(archive, "archive/version", "3\n"u8.ToArray());
    }

    private static void AddEntry(ZipArchive archive, string name, byte[] bytes)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open(); // torch.save stores, never deflates
        stream.Write(bytes);
    }

    private void Pickle(Stream s, object? value)
    {
        switch (value)
        {
            case null: s.WriteByte((byte)'N'); break;
            case bool b: s.WriteByte(b ? (byte)0x88 : (byte)0x89); break;
            case int or long: Int(s, Convert.ToInt64(value)); break;
            case double d:
                s.WriteByte((byte)'G');
                Span<byte> bits = stackalloc byte[8];
                BinaryPrimitives.WriteDoubleBigEndian(bits, d);
                s.Write(bits);
                break;
            case string text: Text(s, text); break;
            case View view: Tensor(s, view); break;
            case OrderedDict dict:
                Global(s, "collections", "OrderedDict");
                s.Write(")R"u8);
                Items(s, dict);
                break;
            case IDictionary<string, object?> dict:
                s.WriteByte((byte)'}');
                Items(s, dict);
                break;
            case System.Collections.IEnumerable list:
                s.Write("]("u8);
                foreach (var item in list) Pickle(s, item);
                s.WriteByte((byte)'e'); // APPENDS
                break;
            default: throw new ArgumentException($"cannot pickle {value.GetType().Name}");
        }
    }

    private void Items(Stream s, IDictionary<string, object?> dict)
    {
        s.WriteByte((byte)'(');
        foreach (var (key, item) in dict)
        {
            Text(s, key);
            Pickle(s, item);
        }
        s.WriteByte((byte)'u'); // SETITEMS
    }

    /// <summary>_rebuild_tensor_v2((storage pid), offset, size, stride, requires_grad=False, OrderedDict()) as torch.save writes it.</summary>
    private void Tensor(Stream s, View view)
    {
        var storage = _storages[view.Storage];
        Global(s, "torch._utils", "_rebuild_tensor_v2");
        s.Write("(("u8);
        Text(s, "storage");
        Global(s, "torch", StorageClass(storage.dtype));
        Text(s, view.Storage.ToString());
        Text(s, "cpu");
        Int(s, storage.numel());
        s.Write("tQ"u8); // TUPLE, BINPERSID
        Int(s, view.Offset);
        Longs(s, view.Size);
        Longs(s, view.Stride);
        s.WriteByte(0x89); // requires_grad False
        Global(s, "collections", "OrderedDict");
        s.Write(")RtR"u8); // backward hooks; close the arguments; call
    }

    private static string StorageClass(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "FloatStorage",
        ScalarType.Int64 => "LongStorage",
        ScalarType.Float16 => "HalfStorage",
        _ => throw new ArgumentException($"no storage class for {dtype} here"),
    };

    private static void Longs(Stream s, long[] values)
    {
        s.WriteByte((byte)'(');
        foreach (var v in values) Int(s, v);
        s.WriteByte((byte)'t');
    }

    private void Global(Stream s, string module, string name)
    {
        if (protocol < 4)
        {
            s.Write(Encoding.ASCII.GetBytes($"c{module}\n{name}\n"));
            return;
        }
        foreach (var part in new[] { module, name })
        {
            s.WriteByte(0x8c); // SHORT_BINUNICODE
            s.WriteByte((byte)part.Length);
            s.Write(Encoding.ASCII.GetBytes(part));
            s.WriteByte(0x94); // MEMOIZE
        }
        s.WriteByte(0x93); // STACK_GLOBAL
    }

    private static void Int(Stream s, long value)
    {
        if (value is < int.MinValue or > int.MaxValue) throw new ArgumentException("ints beyond 32 bits are not needed here");
        s.WriteByte((byte)'J');
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)value);
        s.Write(bytes);
    }

    private static void Text(Stream s, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        s.WriteByte((byte)'X');
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)bytes.Length);
        s.Write(length);
        s.Write(bytes);
    }
}
