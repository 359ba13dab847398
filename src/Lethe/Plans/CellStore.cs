using System.Text.Json;
using Lethe.Audit;
using Lethe.Experiments;
using Lethe.IO;
using Lethe.Evaluation;

namespace Lethe.Plans;

/// <summary>
/// The results store that every worker of a plan shares (a folder; on a cluster, a path on the shared file system).
/// Each cell has a folder named by its id: its models' results and φ files (a <see cref="RunStore"/> whose hash is the
/// cell id), an Original's weights, training progress while it trains, and last of all "done.json". A cell is done when
/// and only when done.json exists; every file is written atomically, so a killed worker leaves either a done cell or
/// an unfinished one that the next worker redoes (resuming a base model's training at its last finished epoch).
/// done.json records the SHA-256 of every file of the cell, and a file read back from a done cell (a result, a φ file,
/// the Original's weights) is checked against it: one changed afterwards is refused, naming the cell and the file,
/// rather than scored or unlearned from.
/// </summary>
public sealed class CellStore(string directory)
{
    public string Directory { get; } = directory;

    public string FolderOf(Cell cell) => Path.Combine(Directory, cell.Id);

    public string LockPath(Cell cell) => Path.Combine(Directory, cell.Id + ".lock");

    public string DonePath(Cell cell) => Path.Combine(FolderOf(cell), "done.json");

    /// <summary>An Original cell's weights (TorchSharp format), read by the unlearning cells that depend on it.</summary>
    public string WeightsPath(Cell cell) => Path.Combine(FolderOf(cell), WeightsFile);

    private const string WeightsFile = "original.ckpt";

    /// <summary>
    /// <see cref="WeightsPath"/> of a done Original cell, once checked against its done record: what an unlearning cell
    /// loads.
    /// </summary>
    /// <exception cref="InvalidDataException">The cell is not done, or its weights changed after it was done (the
    /// message names the cell and the file).</exception>
    public string VerifiedWeightsPath(Cell cell)
    {
        var done = TryDone(cell) ?? throw new InvalidDataException($"cell {cell.Name} ({cell.Id}) is not done; run the plan first");
        Verify(cell, done, WeightsFile);
        return WeightsPath(cell);
    }

    /// <summary>The prefix of a base model's per-epoch training state while it trains.</summary>
    public string TrainingPrefix(Cell cell) => Path.Combine(FolderOf(cell), "training");

    /// <summary>The model results of the cell (one per label), keyed by the cell id; <paramref name="phiMetadata"/> is
    /// what the φ files it writes carry besides label and id.</summary>
    public RunStore Results(Cell cell, IReadOnlyDictionary<string, string>? phiMetadata = null) => new(FolderOf(cell), cell.Id, phiMetadata);

    public bool IsDone(Cell cell) => TryDone(cell) is not null;

    /// <summary>
    /// The models a done cell stored, in the order it made them, each with its φ rows and per-sample losses read back
    /// into its evaluation (the result files leave them out), as the scorers and a benchmark's run folder need them.
    /// </summary>
    /// <exception cref="InvalidDataException">The cell is not done, a file of the cell changed after it was done, or a
    /// result or φ file is missing or stale (the message names the cell and file).</exception>
    public IReadOnlyList<ModelResult> Models(Cell cell)
    {
        var done = TryDone(cell) ?? throw new InvalidDataException($"cell {cell.Name} ({cell.Id}) is not done; run the plan first");
        var results = Results(cell);
        // Every file, not only the ones read here: an Original whose weights changed is no Original of these results.
        foreach (var file in done.Files?.Keys ?? []) Verify(cell, done, file);
        return done.Labels.Select(label =>
        {
            var result = results.TryGet(label, out var unusable) ?? throw new InvalidDataException(unusable is null
                ? $"cell {cell.Name}: no stored result for {label} in {FolderOf(cell)}"
                : $"cell {cell.Name}: the stored result for {label} is unusable ({unusable})");
            var phi = PhiTable.Read(RunStore.PhiPath(FolderOf(cell), label)).Rows;
            var losses = results.TryGetLosses(label) ?? new Dictionary<string, float[]>();
            return result with { Evaluation = result.Evaluation with { Phi = phi, Losses = losses } };
        }).ToArray();
    }

    public bool IsLocked(Cell cell) => File.Exists(LockPath(cell));

    /// <summary>The done record of a finished cell, or null.</summary>
    public CellDone? TryDone(Cell cell) => ReadDone(cell, out _);

    /// <summary>
    /// Why a cell's done record is there but cannot be used (damaged, or another cell's), or null: such a cell counts
    /// as not done and is made again, which `plan show` must say rather than show it as merely ready.
    /// </summary>
    public string? UnusableDone(Cell cell)
    {
        ReadDone(cell, out var unusable);
        return unusable;
    }

    private CellDone? ReadDone(Cell cell, out string? unusable)
    {
        var done = LetheJson.TryRead<CellDone>(DonePath(cell), out unusable);
        if (done is null || done.Id == cell.Id) return done;
        unusable = $"{DonePath(cell)}: the record of another cell ({done.Id})";
        return null;
    }

    /// <summary>Marks a cell done, recording the SHA-256 of each of its files: the last write of a cell.</summary>
    public void MarkDone(CellDone done, Cell cell) =>
        AtomicFile.WriteAllText(DonePath(cell), JsonSerializer.Serialize(done with { Files = HashFiles(cell) }, LetheJson.Options));

    /// <summary>
    /// Checks a file of a done cell (a path relative to its folder) against the hash its done record holds.
    /// A cell done by a Lethe that recorded no hashes is read as before: its files were trusted then and cannot be
    /// checked now, and refusing them would throw away every model of an older store.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing or changed after the cell was done (one line naming
    /// the cell, the file, and how to make it again).</exception>
    private void Verify(Cell cell, CellDone done, string relative)
    {
        if (done.Files is not { } files) return;
        var path = Path.Combine(FolderOf(cell), relative);
        var why = files.TryGetValue(relative, out var sha256)
            ? FileHash.Mismatch(path, sha256)
            : File.Exists(path) ? "not recorded when the cell was done" : null;
        if (why is not null)
            throw new InvalidDataException($"store cell {cell.Name} ({cell.Id}): {path}: {why}; delete {FolderOf(cell)} to make the cell again");
    }

    /// <summary>Every file of the cell a reader may trust, with its SHA-256: not the done record itself, a failure
    /// record, training progress (cleared when the model is stored) or temp files.</summary>
    private Dictionary<string, string> HashFiles(Cell cell)
    {
        var folder = FolderOf(cell);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(folder)) return hashes;
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            var name = Path.GetFileName(file);
            if (relative is "done.json" or "failed.json" || name.EndsWith(".tmp", StringComparison.Ordinal)
                || name.StartsWith(Path.GetFileName(TrainingPrefix(cell)) + ".", StringComparison.Ordinal)) continue;
            hashes[relative] = FileHash.Sha256(file);
        }
        return hashes;
    }

    /// <summary>Every done record in the store (any plan's), for estimating how long the next cells take.</summary>
    public IReadOnlyList<CellDone> AllDone()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var done = new List<CellDone>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "done.json", SearchOption.AllDirectories))
        {
            try
            {
                if (JsonSerializer.Deserialize<CellDone>(File.ReadAllText(file), LetheJson.Options) is { } d) done.Add(d);
            }
            catch (JsonException) { }
        }
        return done;
    }
}

/// <summary>What a finished cell records.</summary>
/// <param name="Id">The cell id.</param>
/// <param name="Name">The cell's name in the plan that made it.</param>
/// <param name="Role">What it made.</param>
/// <param name="Method">The method key (unlearning cells).</param>
/// <param name="Labels">The model labels it stored (UNSIR stores two).</param>
/// <param name="Seconds">Wall time of the cell, training or unlearning plus evaluation.</param>
/// <param name="Images">Images in the data's train set, so a time can be scaled to another size.</param>
/// <param name="Finished">When it finished.</param>
/// <param name="Host">Where it ran.</param>
/// <param name="Given">An Original loaded from a file (<c>--original</c>), not trained: its time is a load's, so it
/// times no other Original. Absent (false) in records written before it existed.</param>
public sealed record CellDone(string Id, string Name, CellRole Role, string? Method, IReadOnlyList<string> Labels,
    double Seconds, int Images, DateTimeOffset Finished, string Host, bool Given = false)
{
    /// <summary>The SHA-256 of each file of the cell when it was done, by its path relative to the cell's folder
    /// ("models/original.phi.parquet"); null in records written before Lethe recorded them.</summary>
    public IReadOnlyDictionary<string, string>? Files { get; init; }

    /// <summary>Of <see cref="CellDone.Seconds"/>, the seconds the relearning test spent relearning (the curves made, not
    /// those read from the cache), so that a cost estimate can time the rest apart from it; null in records written
    /// before Lethe recorded it.</summary>
    public double? RelearnSeconds { get; init; }
}
