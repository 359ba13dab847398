namespace Lethe.Data;

/// <summary>
/// Every dataset the benchmark knows, listed once, in the order help texts show them. Adding a dataset is one line
/// here plus its own folder; validation, loading, `datasets check`, presets, task names and the CLI's help all ask
/// this list. An explicit list, not a reflection scan, so one file shows them all.
/// </summary>
public sealed class DatasetRegistry
{
    /// <summary>The registered datasets. MUFAC comes before MUCAC: a folder that holds both files is MUFAC's (<see cref="DatasetAt"/>).</summary>
    public static DatasetRegistry Default { get; } = new(
    [
        new SynthFacesDataset(),
        new MufacDataset(),
        new MucacDataset(),
    ]);

    /// <summary>A registry of <paramref name="datasets"/>, in that order.</summary>
    /// <exception cref="ArgumentException">Two datasets claim one name, or a dataset has no name.</exception>
    public DatasetRegistry(IReadOnlyList<IDataset> datasets)
    {
        All = datasets;
        Names = [.. datasets.SelectMany(d => d.Names)];
        if (datasets.FirstOrDefault(d => d.Names.Count == 0) is { } nameless) throw new ArgumentException($"dataset {nameless.Title} has no name");
        if (Names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new ArgumentException($"two datasets are named '{twice.Key}'");
    }

    /// <summary>The datasets, in registration order.</summary>
    public IReadOnlyList<IDataset> All { get; }

    /// <summary>Every name --dataset accepts, in registration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The dataset called <paramref name="name"/> (exact, lower case), or null.</summary>
    public IDataset? Find(string name) => All.FirstOrDefault(d => d.Names.Contains(name));

    /// <summary>The dataset called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No dataset has that name; the message lists the known ones.</exception>
    public IDataset Get(string name) =>
        Find(name) ?? throw new ArgumentException($"unknown dataset '{name}'; known: {string.Join(", ", Names)}");

    /// <summary>The folder dataset <paramref name="root"/> holds, told by its files; when none recognises it, the first
    /// registered, whose check then says which of its files are missing.</summary>
    public IFolderDataset DatasetAt(string root)
    {
        var folders = All.OfType<IFolderDataset>().ToList();
        return folders.FirstOrDefault(d => d.Recognises(root)) ?? folders[0];
    }

    /// <summary>
    /// Refuses a request the dataset cannot serve, before anything loads, each in one line that names the option: an
    /// unknown name, a missing or needless folder, a switch the dataset does not take, a malformed value.
    /// </summary>
    /// <exception cref="ArgumentException">The first problem found.</exception>
    public IDataset Validate(DatasetRequest request)
    {
        var dataset = Get(request.Name);
        bool readsFolder = dataset is IFolderDataset;
        if (readsFolder && string.IsNullOrWhiteSpace(request.Folder))
            throw new ArgumentException($"dataset '{request.Name}' is read from files: give its folder with --data DIR");
        if (!readsFolder && request.Folder is not null)
            throw new ArgumentException($"--data {request.Folder}: {request.Name} is built in and reads no folder; give --dataset for a file dataset");
        new DatasetSwitchRules(this).Require(dataset, request.Name, request.Given);
        if (request.Forget is not null) ForgetSelection.Parse(request.Forget);
        dataset.Validate(request);
        return dataset;
    }
}
