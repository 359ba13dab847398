using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Experiments;

/// <summary>
/// A given Original (<see cref="ExperimentSpec.OriginalFile"/>), loaded once when the run starts: the runner would
/// otherwise load it in Original's job, after the data is built, and a failed job is reported only once the job beside
/// it (Retrained's training) has finished, so a file that does not fit would be found after hours. The loaded model is
/// the one the run uses.
/// </summary>
public sealed class GivenOriginal : IDisposable
{
    private GivenOriginal(nn.Module<Tensor, Tensor> model, GivenModel source) => (Model, Source) = (model, source);

    /// <summary>The network with the file's weights, on the CPU until the run moves it.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>Where it came from, for the results.</summary>
    public GivenModel Source { get; }

    /// <summary>
    /// Loads <paramref name="spec"/>'s Original file into the task's network (every key, shape and dtype checked), or
    /// returns null when the spec trains its Original.
    /// </summary>
    /// <exception cref="InvalidDataException">The file does not hold the task's network; the message starts with --original.</exception>
    public static GivenOriginal? Load(ExperimentSpec spec)
    {
        if (spec.OriginalFile is not { } file) return null;
        var source = GivenModel.Of(file);
        try
        {
            var model = ModelFile.Load(file, spec.ModelTask, CPU, out var note);
            return new GivenOriginal(model, source with { Note = note });
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"--original: {e.Message}", e);
        }
    }

    public void Dispose() => Model.Dispose();
}
