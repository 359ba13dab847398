using Lethe.Models;
using TorchSharp;
using static TorchSharp.torch;
using Lethe.Data;

namespace Lethe.Training;

/// <summary>
/// Loads a ResNet-18 from any model file Lethe reads (see <see cref="ModelFormat"/>), so a command that takes a model
/// accepts a Lethe checkpoint, a PyTorch .pth, a TorchScript archive and a safetensors file alike.
/// </summary>
public static class ModelFile
{
    /// <summary>A ResNet-18 for <paramref name="task"/> (a <see cref="TaskNames"/> name) with the file's weights.</summary>
    /// <exception cref="ArgumentException">The task name is unknown.</exception>
    /// <exception cref="InvalidDataException">The file does not hold this model; the message names the file.</exception>
    public static nn.Module<Tensor, Tensor> Load(string path, string task, Device device) => Load(path, task, device, out _);

    /// <summary>A ResNet-18 for <paramref name="task"/> with the file's weights, and what it took to find them.</summary>
    /// <param name="path">A Lethe checkpoint, or a file from PyTorch's world (see <see cref="ModelFormat"/>).</param>
    /// <param name="task">A <see cref="TaskNames"/> name.</param>
    /// <param name="device">Where the model lives.</param>
    /// <param name="note">For a file from PyTorch's world, one line saying what was unwrapped, skipped, converted or
    /// filled in (a trainer's checkpoint, a "module." prefix, float16 weights, ...); null when there was nothing to say.</param>
    /// <exception cref="ArgumentException">The task name is unknown.</exception>
    /// <exception cref="InvalidDataException">The file does not hold this model; the message names the file.</exception>
    public static nn.Module<Tensor, Tensor> Load(string path, string task, Device device, out string? note)
    {
        note = null;
        return IsPyTorch(path) ? PyTorchCheckpoint.Load(path, task, device, out note) : LoadLethe(path, TaskNames.Resolve(task), device);
    }

    /// <inheritdoc cref="Load(string, string, Device, out string?)"/>
    public static nn.Module<Tensor, Tensor> Load(string path, PredictionTask task, Device device, out string? note)
    {
        note = null;
        return IsPyTorch(path) ? PyTorchCheckpoint.Load(path, task, device, out note) : LoadLethe(path, task, device);
    }

    /// <summary>Whether PyTorch's world wrote the file (torch.save, torch.jit.save, safetensors): see <see cref="ModelFormats.Detect"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    public static bool IsPyTorch(string path) => ModelFormats.Detect(path) != ModelFormat.Lethe;

    private static nn.Module<Tensor, Tensor> LoadLethe(string path, PredictionTask task, Device device) =>
        Fill(task, device, model => Checkpoint.Load(model, path));

    /// <summary>A ResNet-18 for <paramref name="task"/>, filled on the CPU by <paramref name="load"/>, then moved to the device.</summary>
    internal static nn.Module<Tensor, Tensor> Fill(PredictionTask task, Device device, Action<nn.Module<Tensor, Tensor>> load)
    {
        // A private seed: building the model to overwrite must not advance the caller's global generator.
        var model = Networks.Create("resnet18", task.Outputs, CPU, initSeed: 0);
        try
        {
            load(model);
            return model.to(device);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
