using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// SynthFaces' registration: built in (no folder), one dataset with five tasks chosen by --task, and a forget set that
/// --forget may re-cut (see <see cref="SynthFaces"/>).
/// </summary>
public sealed class SynthFacesDataset : IDataset
{
    public IReadOnlyList<string> Names { get; } = [SynthFaces.Name];

    public string Title => SynthFaces.Name;

    public DatasetSwitches Accepts => DatasetSwitches.Forget | DatasetSwitches.Task;

    /// <summary>The CPU-sized SynthFaces benchmark, not the paper's 128 px recipe.</summary>
    public string DefaultPreset => "default";

    public IReadOnlyList<string> TaskNames => SynthFaces.TaskKinds;

    /// <exception cref="ArgumentException">Not one of <see cref="SynthFaces.TaskKinds"/>, named as --task, so a bad
    /// --task fails before any data is built.</exception>
    public PredictionTask Task(string taskName) => SynthFaces.TaskKinds.Contains(taskName, StringComparer.OrdinalIgnoreCase)
        ? SynthFaces.Task(taskName)
        : throw new ArgumentException($"--task: unknown SynthFaces task '{taskName}'; known: {string.Join(", ", SynthFaces.TaskKinds)}");

    public BenchmarkData Load(DatasetRequest request, Action<string>? cacheNote) => WithForgetSelection(
        SynthFaces.Build(request.Synth with { ImageSize = request.ImageSize, Seed = request.Seed }, request.TaskKind), request.Forget, request.Seed);

    /// <summary>
    /// With --forget, the forget set is re-cut from train by the same rule as MUFAC's (first N rows, or N whole people
    /// chosen with the seed) and retain is the rest, so a small erasure request can be studied without files. Without
    /// it, the generator's own forget people.
    /// </summary>
    private static BenchmarkData WithForgetSelection(BenchmarkData data, string? forget, long seed)
    {
        if (forget is null) return data;
        var selection = ForgetSelection.Parse(forget);
        var rows = selection.Select(data.Train.Samples.Select(s => s.Identity).ToArray(), seed);
        var chosen = rows.ToHashSet();
        var rest = Enumerable.Range(0, data.Train.Count).Where(i => !chosen.Contains(i)).ToArray();
        var recut = new BenchmarkData
        {
            Name = data.Name, Task = data.Task, Train = data.Train, Test = data.Test, Unseen = data.Unseen,
            Forget = data.Train.Subset(rows), Retain = data.Train.Subset(rest),
            Fingerprint = $"{data.Fingerprint}/forget={selection}/seed={seed}", Notes = data.Notes,
        };
        data.Forget.Dispose();
        data.Retain.Dispose();
        return recut;
    }
}
