using System.Text.Json.Serialization;
using Lethe.Experiments;

namespace Lethe.Plans;

/// <summary>
/// One unit of work of a plan: one model to make (or the scoring of all of them). A cell is self-contained: with the
/// plan's frozen spec and a shared results store it finds its inputs by id (an unlearning cell's Original in
/// <see cref="DependsOn"/>), so any worker can run it on its own (<see cref="CellRunner"/>).
/// </summary>
/// <param name="Index">Position in the plan (what a job array's task index names).</param>
/// <param name="Id">A hash of everything that determines the cell's results (<see cref="CellIds"/>): two plans that
/// need the same model share its cell, and a change to anything that matters makes a new one.</param>
/// <param name="Role">What the cell makes.</param>
/// <param name="Name">A readable name, unique in the plan: "original-s42", "retrained-s43", "scrub-s44", "ssd".</param>
/// <param name="Seed">The model seed (initialisation, shuffles, augmentation, the method's draws); null for a method
/// whose result does not depend on its seed and for the score cell.</param>
/// <param name="Method">The unlearning method's key (unlearning cells only).</param>
/// <param name="HyperParameters">The method's hyper-parameter record as JSON (unlearning cells only).</param>
/// <param name="DependsOn">Ids of the cells that must be done first: an unlearning cell's Original, the score cell's
/// every model cell.</param>
public sealed record Cell(
    int Index,
    string Id,
    CellRole Role,
    string Name,
    long? Seed,
    string? Method,
    string? HyperParameters,
    IReadOnlyList<string> DependsOn)
{
    /// <summary>
    /// The seed of the data the cell works on and of its evaluation (SynthFaces' people, a seeded forget choice, the
    /// retain sample, the attack's subsampling) when it is not the plan spec's: a benchmark sweep that varies everything
    /// (<c>--seeds … --vary all</c>) has one per seed. Null: the spec's seed. Not hashed on its own: the cell id already
    /// covers it through the spec and the data fingerprint.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? DataSeed { get; init; }

    /// <summary>
    /// For an Original given as a file (the spec's <see cref="Experiments.ExperimentSpec.OriginalFile"/>, `--original`)
    /// instead of trained: the SHA-256 of that file's bytes, which the cell id hashes in place of the path, and which the
    /// worker checks before it loads the file. Null for a trained model.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GivenSha256 { get; init; }

    /// <summary>True for cells that make a model (everything but the score).</summary>
    [JsonIgnore]
    public bool MakesModel => Role != CellRole.Score;
}
