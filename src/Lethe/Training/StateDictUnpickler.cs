using System.IO.Compression;
using System.Runtime.CompilerServices;
using Razorvine.Pickle;
using Razorvine.Pickle.Objects;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>
/// Unpickles the data.pkl of a torch.save archive, reading each storage the pickle names once, as a flat tensor, so
/// that tensors stored as views of one storage come back as views of it (see <see cref="TensorRebuild"/>).
/// </summary>
/// <remarks>
/// Why not PyBridge's unpickler: it rebuilds every tensor as empty(size).as_strided(size, stride, offset) and reads
/// the whole storage entry into it. That holds only for a tensor that is all of its storage, from offset 0,
/// contiguous. A storage offset (a slice), a transposed weight, or several tensors in one storage (flat-parameter
/// trainers, weight surgery) then fail with LibTorch's out-of-bounds message or read the wrong bytes. PyTorch's
/// _rebuild_tensor_v2 instead views the storage: storage.as_strided(size, stride, offset). This does the same.
/// Razorvine.Pickle finds the function a pickle names only in its process-wide registry, where PyBridge has put its
/// own rebuilders; Lethe's replace them there and hand anything that is not a Lethe storage back to PyBridge's, so
/// PyBridge's own loader keeps working in the same process.
/// </remarks>
internal sealed class StateDictUnpickler : Unpickler
{
    /// <summary>All storages of one file together: a ResNet-18 holds 45 MB, so a file claiming more is refused.</summary>
    public const long MaxStorageBytes = 1L << 30;

    private readonly ZipArchive _archive;
    private readonly string _folder;
    private readonly Dictionary<string, StorageBlock> _storages = [];
    private long _bytes;

    /// <summary>
    /// The storages ("data/96") whose bytes do not match their zip entry's CRC-32: a damaged file. torch.load does not
    /// check (PyTorch builds its zip reader without CRC checks), so such a file loads there too; Lethe loads it and says so.
    /// </summary>
    public List<string> FailedChecksums { get; } = [];

    static StateDictUnpickler()
    {
        // PyBridge registers its rebuilders in its static constructor: run it first, so it never overwrites ours.
        RuntimeHelpers.RunClassConstructor(typeof(PyTorchUnpickler).TypeHandle);
        foreach (var (name, rebuild) in TensorRebuild.Constructors)
        {
            objectConstructors.TryGetValue(name, out var previous);
            objectConstructors[name] = rebuild(previous);
        }
        foreach (var (name, constructor) in InertConstructors.All) objectConstructors[name] = constructor;
    }

    /// <param name="archive">The torch.save archive.</param>
    /// <param name="folder">The archive's top folder, where data.pkl is ("model/"); storages are under its data/.</param>
    public StateDictUnpickler(ZipArchive archive, string folder) => (_archive, _folder) = (archive, folder);

    /// <summary>
    /// torch.save's persistent id of a storage: ("storage", storage class, key, location, number of elements).
    /// The bytes are the archive entry data/key. Every storage is read to the CPU, whatever its location.
    /// </summary>
    protected override object persistentLoad(object pid)
    {
        if (pid is not object[] { Length: 5 } id || id[0] is not "storage" || id[1] is not ClassDictConstructor type
            || id[2] is not string key)
            throw new InvalidDataException("a persistent id that is not a storage");
        if (_storages.TryGetValue(key, out var known)) return known;
        if (!TorchStorageTypes.ByName.TryGetValue(type.name, out var dtype))
            throw new InvalidDataException($"storage data/{key} has type {type.module}.{type.name}, which Lethe does not read");
        var block = new StorageBlock(key, Read(key, dtype, Convert.ToInt64(id[4])));
        _storages[key] = block;
        return block;
    }

    private Tensor Read(string key, ScalarType dtype, long elements)
    {
        var entry = _archive.GetEntry($"{_folder}data/{key}")
            ?? throw new InvalidDataException($"the archive has no data/{key}, which its pickle names");
        using (var probe = empty(0, dtype))
            if (elements < 0 || entry.Length != elements * probe.element_size())
                throw new InvalidDataException($"data/{key} holds {entry.Length} bytes, not {elements} elements of {dtype}");
        _bytes += entry.Length; // checked before anything is allocated: a hostile header may claim any size
        if (_bytes > MaxStorageBytes)
            throw new InvalidDataException($"its storages hold over {MaxStorageBytes >> 20} MiB, far more than a ResNet-18 (45 MB)");
        var flat = empty(elements, dtype);
        using var stream = entry.Open();
        stream.ReadExactly(flat.bytes); // an entry shorter than its header says ends in EndOfStreamException
        if (System.IO.Hashing.Crc32.HashToUInt32(flat.bytes) != entry.Crc32) FailedChecksums.Add($"data/{key}");
        return flat;
    }
}
