using Lethe.Data.Checks;
using Lethe.Models;

namespace Lethe.Data;

/// <summary>
/// MUCAC's registration: four names, one per benchmark (<see cref="MucacVariants"/>), over the same sets; the forget
/// people are an identity range (--identity-splits), not a choice of rows.
/// </summary>
public sealed class MucacDataset : IFolderDataset
{
    public IReadOnlyList<string> Names => MucacVariants.All;

    public string Title => "MUCAC";

    public DatasetSwitches Accepts => DatasetSwitches.IdentitySplits;

    /// <summary>A real dataset runs the reference's recipe by default.</summary>
    public string DefaultPreset => "paper";

    /// <summary>A variant's name is its task's name: each variant trains its own models.</summary>
    public IReadOnlyList<string> TaskNames => MucacVariants.All;

    public PredictionTask Task(string taskName) => MucacVariants.Task(taskName);

    public string? TaskHint => $"{Title}'s binary ones are --dataset {string.Join(", ", Names.Skip(1))}";

    public string FolderHelp => "MUCAC: the folder holding CelebAMask-HQ/";

    public bool Recognises(string root) => Directory.Exists(Path.Combine(root, MucacLayout.ArchiveFolderName));

    public void Validate(DatasetRequest request) => MucacThresholds.Parse(request.IdentitySplits);

    /// <summary>Count drift and missing images are notes, not errors: the reference's own copy lacked 100 images and
    /// still made the benchmark, so Lethe warns and goes on.</summary>
    public BenchmarkData Load(DatasetRequest request, Action<string>? cacheNote) => CachedLoad.With(request.CacheFolder, cacheNote, cache =>
    {
        var index = MucacIndex.Read(request.Folder!, MucacThresholds.Parse(request.IdentitySplits));
        var data = Mucac.Load(index, request.Name, request.ImageSize, cache);
        return index.Warnings() is { Count: > 0 } warnings ? data.WithNotes(warnings.Select(w => $"warning: {w}").ToArray()) : data;
    });

    public DatasetCheckReport Check(DatasetRequest request, int nearDistance) =>
        MucacCheck.Run(request.Folder!, MucacThresholds.Parse(request.IdentitySplits), nearDistance);
}
