using Lethe.Data.Checks;
using Lethe.Models;

namespace Lethe.Data;

/// <summary>MUFAC's registration: one name, the 8 age groups, every file switch (see <see cref="Mufac"/>).</summary>
public sealed class MufacDataset : IFolderDataset
{
    public IReadOnlyList<string> Names { get; } = [Mufac.Name];

    public string Title => Mufac.Name;

    public DatasetSwitches Accepts => DatasetSwitches.SkipBad | DatasetSwitches.ExcludeDuplicates | DatasetSwitches.Forget;

    /// <summary>A real dataset runs the reference's recipe by default.</summary>
    public string DefaultPreset => "paper";

    public IReadOnlyList<string> TaskNames => Names;

    public PredictionTask Task(string taskName) => Names.Contains((taskName ?? "").Trim().ToLowerInvariant())
        ? MultiClassTask.AgeGroups
        : throw new ArgumentException($"unknown MUFAC task '{taskName}'; known: {Mufac.Name}");

    public ForgetSelection? DefaultForget => ForgetSelection.MufacDefault;

    public string FolderHelp => "MUFAC: the released folder with custom_*_dataset.csv";

    public bool Recognises(string root) => File.Exists(Path.Combine(root, MufacLayout.Train.Csv));

    public BenchmarkData Load(DatasetRequest request, Action<string>? cacheNote) =>
        CachedLoad.With(request.CacheFolder, cacheNote, cache => Mufac.Load(new MufacOptions(request.Folder!, request.ImageSize,
            ForgetOf(request), request.Seed, request.SkipBad, request.ExcludeDuplicates), cache));

    public DatasetCheckReport Check(DatasetRequest request, int nearDistance) =>
        MufacCheck.Run(request.Folder!, ForgetOf(request), nearDistance, request.Seed);

    private static ForgetSelection? ForgetOf(DatasetRequest request) => request.Forget is null ? null : ForgetSelection.Parse(request.Forget);
}
