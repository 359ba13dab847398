using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lethe.Experiments;
using Lethe.IO;
using Lethe.Models;
using Lethe.Training;
using Lethe.Unlearning;
using Lethe.Data;

namespace Lethe.Plans;

/// <summary>
/// Cell ids: SHA-256 over everything that determines a cell's results and nothing else, so a store shared by many
/// plans (both audit modes, a rerun with more methods or a larger N) makes each model once.
/// </summary>
public static class CellIds
{
    /// <summary>Raised when what a cell stores or how it is made changes, so older cells are not reused.</summary>
    public const int Version = 1;

    /// <summary>
    /// The frozen spec reduced to what changes a model or its evaluation: the data settings, recipes, image size,
    /// architecture, augmentation, device, the torch thread count (LibTorch's reductions give other bits at another
    /// count) and the evaluation's λ. Left out: where things are written, how many jobs run side by side, the methods
    /// asked for and their overrides (each unlearning cell hashes its own), the preset's name, the unlearning seed (a
    /// cell hashes its own model seed), the per-person pool (it changes the report, not a model), and where the data and a given Original are read from: the data fingerprint
    /// names the data itself (and a given Original's cell the SHA-256 of its file), and a path would give `--data mufac`
    /// other ids than `--data /abs/mufac`, or one node's mount point than another's.
    /// </summary>
    public static string SpecCore(ExperimentSpec spec)
    {
        var core = spec with
        {
            Methods = [], Overrides = [], ParameterJson = null, Jobs = 0, Threads = spec.EffectiveThreads,
            OutputDirectory = "", CacheDirectory = "", DataDirectory = null, OriginalFile = null, Preset = "", UnlearnSeed = null, Pool = 0,
        };
        return JsonSerializer.Serialize(core, LetheJson.Options)
            + $"/evaluation-v{ExperimentSpec.EvaluationVersion}/numerics-v{CheckpointKey.NumericsVersion}/cells-v{Version}";
    }

    /// <summary>
    /// <see cref="SpecCore(ExperimentSpec)"/> as it bears on a cell of <paramref name="role"/>: for Original and
    /// Retrained, without the quirks that act only while unlearning, so that a reproduction and its principled version
    /// (`--no-quirks`) on one store share their base models instead of training them twice.
    /// </summary>
    public static string SpecCore(ExperimentSpec spec, CellRole role) =>
        SpecCore(role is CellRole.Original or CellRole.Retrained
            ? spec with { Quirks = spec.Quirks.OfBaseTraining(UnlearningVariants.Of(TaskNames.Resolve(spec.ModelTask))) }
            : spec);

    /// <summary>The id of a model cell.</summary>
    /// <param name="specCore"><see cref="SpecCore(ExperimentSpec, CellRole)"/> of the plan's spec for the cell's role.</param>
    /// <param name="dataFingerprint">The data's fingerprint (the dataset, its split and its seed).</param>
    /// <param name="role">What the cell makes.</param>
    /// <param name="seed">The model seed, or null when the result does not depend on one.</param>
    /// <param name="method">The method key, or null.</param>
    /// <param name="hyperParameters">The method's hyper-parameters as JSON, or null.</param>
    /// <param name="dependsOn">The ids of the cells whose outputs this one reads.</param>
    /// <returns>20 lower-case hex digits.</returns>
    public static string Of(string specCore, string dataFingerprint, CellRole role, long? seed, string? method,
        string? hyperParameters, IReadOnlyList<string> dependsOn)
    {
        var text = string.Join("\n", specCore, dataFingerprint, role.ToString(), seed?.ToString() ?? "-", method ?? "-",
            hyperParameters ?? "-", string.Join(",", dependsOn));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..20].ToLowerInvariant();
    }
}
