using Lethe.Training;
using static TorchSharp.torch;

namespace Lethe.Experiments;

/// <summary>
/// Checks a given Original (<see cref="ExperimentSpec.OriginalFile"/>) when a run starts. The runner loads it in
/// Original's job, after the data is built, and a failed job is reported only once the job beside it (Retrained's
/// training) has finished, so a file that does not fit would otherwise be found after hours.
/// </summary>
internal static class OriginalFileCheck
{
    /// <summary>Loads the file into the task's network (every key, shape and dtype checked) and drops it: about a second.</summary>
    /// <exception cref="InvalidDataException">The file does not hold the task's network; the message starts with --original.</exception>
    public static void Run(ExperimentSpec spec)
    {
        if (spec.OriginalFile is not { } file) return;
        var task = spec.Dataset == "synthfaces" ? spec.TaskKind : spec.Dataset; // as the user named it
        try
        {
            using var model = ModelFile.Load(file, task, CPU, out _);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"--original: {e.Message}", e);
        }
    }
}
