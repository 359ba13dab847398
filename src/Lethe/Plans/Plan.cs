using System.Text.Json;
using System.Text.Json.Serialization;
using Lethe.Experiments;
using Lethe.IO;
using Lethe.Audit;

namespace Lethe.Plans;

/// <summary>
/// A deterministic list of cells with the frozen spec and the data's fingerprint: everything a worker needs to run any
/// one cell by its index, on this machine or a cluster node that shares the results store. Model cells come before the
/// cells that read them (Originals and Retrained, then the unlearning runs, then the score).
/// </summary>
/// <param name="Kind">What the plan computes: <see cref="AuditKind"/>, <see cref="BenchmarkKind"/> or <see cref="PoolKind"/>.</param>
/// <param name="Mode">The audit's mode (an audit's only).</param>
/// <param name="N">An audit's models per pool; a benchmark's runs (seeds).</param>
/// <param name="Spec">The frozen spec (its <see cref="ExperimentSpec.Threads"/> and <see cref="ExperimentSpec.Jobs"/>
/// resolved on the planning machine).</param>
/// <param name="DataFingerprint">The data the cells were planned for (that of the spec's seed; a cell of another
/// <see cref="Cell.DataSeed"/> finds its own in <see cref="DataFingerprints"/>); a worker whose data differs refuses to run.</param>
/// <param name="Cells">The cells, in dependency order; <see cref="Cell.Index"/> is the position.</param>
public sealed record Plan(string Kind, AuditMode Mode, int N, ExperimentSpec Spec, string DataFingerprint, IReadOnlyList<Cell> Cells)
{
    /// <summary>Raised when the plan file's shape changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The <see cref="Kind"/> of an audit's plan (<see cref="AuditPlanner"/>).</summary>
    public const string AuditKind = "audit";

    /// <summary>The <see cref="Kind"/> of a benchmark's plan, one run or a seed sweep (<see cref="BenchmarkPlanner"/>).</summary>
    public const string BenchmarkKind = "benchmark";

    /// <summary>The <see cref="Kind"/> of a Retrained pool for `lethe evaluate --pool` (<see cref="PoolPlanner"/>): model cells only, run locally.</summary>
    public const string PoolKind = "pool";

    public int Format { get; init; } = FormatVersion;

    /// <summary>
    /// The results store its cells are written to (an absolute path, on a cluster one every node sees), recorded by
    /// `lethe plan` so that every worker and `lethe collect` find it; null: the spec's cache folder's "cells".
    /// </summary>
    public string? Store { get; init; }

    /// <summary>A benchmark's seed sweep (<c>--seeds</c>, <c>--vary</c>); null for one run and for audits.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SeedSweep? Sweep { get; init; }

    /// <summary>The fingerprint of each data seed's data (see <see cref="Cell.DataSeed"/>), when the plan has more than one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<long, string>? DataFingerprints { get; init; }

    /// <summary>The command that wrote the plan, for the provenance of the reports its cells write.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CommandLine { get; init; }

    /// <summary>The seed of the data <paramref name="cell"/> works on.</summary>
    public long DataSeedOf(Cell cell) => cell.DataSeed ?? Spec.Seed;

    /// <summary>The fingerprint the data of <paramref name="dataSeed"/> must have.</summary>
    /// <exception cref="InvalidDataException">A seed the plan has no data for.</exception>
    public string FingerprintOf(long dataSeed) =>
        DataFingerprints?.GetValueOrDefault(dataSeed) ?? (dataSeed == Spec.Seed
            ? DataFingerprint
            : throw new InvalidDataException($"the plan has no data of seed {dataSeed}"));

    private static JsonSerializerOptions Json { get; } = new(LetheJson.Options) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The cell with this id.</summary>
    /// <exception cref="KeyNotFoundException">No such cell.</exception>
    public Cell ById(string id) => Cells.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"the plan has no cell {id}");

    /// <summary>The cell at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentException">An index outside the plan.</exception>
    public Cell At(int index) => index >= 0 && index < Cells.Count
        ? Cells[index]
        : throw new ArgumentException($"--index {index}: the plan has cells 0..{Cells.Count - 1}");

    /// <summary>Writes the plan as indented JSON, atomically.</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    /// <summary>Reads a plan written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">Not a plan, or one of another format version (the message names the file).</exception>
    public static Plan Read(string path)
    {
        var plan = LetheJson.Read<Plan>(path, "a Lethe plan", Json);
        if (plan.Cells is null) throw new InvalidDataException($"{path}: not a Lethe plan (it has no cells)");
        if (plan.Format != FormatVersion)
            throw new InvalidDataException($"{path}: plan format {plan.Format}; this Lethe reads format {FormatVersion}");
        return plan;
    }
}
