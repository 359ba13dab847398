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
            throw new InvalidDataException($"{path}: not a checkpoint of this model ({e.Message})", e);
        }
    }
}
