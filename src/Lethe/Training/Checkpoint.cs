using Lethe.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Lethe.Training;

/// <summary>Saves and loads model weights in TorchSharp's format, atomically, with a clear error for a wrong shape.</summary>
public static class Checkpoint
{
    public static void Save(nn.Module<Tensor, Tensor> model, string path) => AtomicFile.Write(path, temp => model.save(temp));

    /// <summary>Loads <paramref name="path"/> into <paramref name="model"/>; a missing file or mismatched shape names the file.</summary>
    public static void Load(nn.Module<Tensor, Tensor> model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        try
        {
            model.load(path, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            var reason = Diagnose(model, path) ?? (e is EndOfStreamException
                ? "the file ends early: damaged, or copied before it was complete"
                : $"not a checkpoint of this model ({e.Message})");
            throw new InvalidDataException($"{path}: {reason}", e);
        }
    }

    /// <summary>
    /// Why a file did not load, when its start tells: TorchSharp's format is the number of entries, then each entry's
    /// name. Without this, a text file's first byte reads as a count ("expected 122, but found 104 entries") and sends
    /// the user looking for a different network.
    /// </summary>
    private static string? Diagnose(nn.Module<Tensor, Tensor> model, string path)
    {
        var names = model.state_dict().Keys.ToHashSet();
        using var reader = new BinaryReader(File.OpenRead(path));
        try
        {
            var count = reader.Read7BitEncodedInt64();
            var first = reader.ReadString();
            if (!names.Contains(first)) return "not a Lethe checkpoint of a ResNet-18 (its first entry is not one of the network's weights)";
            return count == names.Count ? null : $"a checkpoint of another network: {count} entries, where this one has {names.Count}";
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            return reader.BaseStream.Length < 1024 ? "not a Lethe checkpoint (too short to hold any weights)" : null;
        }
    }
}
