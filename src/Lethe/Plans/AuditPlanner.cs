using System.Text.Json;
using Lethe.Experiments;
using Lethe.IO;
using Lethe.Audit;

namespace Lethe.Plans;

/// <summary>
/// Builds the plan of an audit (issue 12): seeds s₀ … s_{N−1} = seed, seed + 1, …; N Retrained models on those seeds;
/// in fixed-original mode one Original (on the spec's seed) and each method run with every seed on it; in population
/// mode one Original per seed, each unlearned once by every method with its own seed. The data (SynthFaces' people,
/// MUFAC's forget choice) stays that of the spec's seed throughout: only the models vary.
/// </summary>
public static class AuditPlanner
{
    /// <summary>The smallest N: leave-one-out U-LiRA fits a Gaussian to N − 1 ≥ 2 models a side.</summary>
    public const int MinimumN = 3;

    private static JsonSerializerOptions CompactJson { get; } = new(LetheJson.Options) { WriteIndented = false };

    /// <summary>The plan.</summary>
    /// <param name="spec">The frozen spec (validated); its thread and job counts are resolved into the plan.</param>
    /// <param name="mode">Fixed-original or population.</param>
    /// <param name="n">Models per pool (≥ 3).</param>
    /// <param name="methods">The methods and their hyper-parameters, resolved from the spec.</param>
    /// <param name="dataFingerprint">The fingerprint of the spec's data.</param>
    /// <exception cref="ArgumentException">N below <see cref="MinimumN"/>, or no method.</exception>
    public static Plan Build(ExperimentSpec spec, AuditMode mode, int n, MethodPlan methods, string dataFingerprint)
    {
        if (n < MinimumN) throw new ArgumentException($"--n {n}: an audit needs at least {MinimumN} models per pool");
        if (methods.Steps.Count == 0) throw new ArgumentException("--methods: an audit needs at least one unlearning method");
        spec = spec with { Threads = spec.EffectiveThreads, Jobs = spec.EffectiveJobs };
        var seeds = Enumerable.Range(0, n).Select(i => spec.Seed + i).ToArray();
        var cells = new List<Cell>();

        // One serialised spec per role, not per cell: an audit has hundreds of cells and three roles' cores.
        var cores = new Dictionary<CellRole, string>();
        string Core(CellRole role) => cores.TryGetValue(role, out var core) ? core : cores[role] = CellIds.SpecCore(spec, role);

        Cell Add(CellRole role, string name, long? seed, string? method, string? hyper, IReadOnlyList<string> dependsOn)
        {
            var cell = new Cell(cells.Count, CellIds.Of(Core(role), dataFingerprint, role, seed, method, hyper, dependsOn), role, name,
                seed, method, hyper, dependsOn);
            cells.Add(cell);
            return cell;
        }

        var originalSeeds = mode == AuditMode.FixedOriginal ? [spec.Seed] : seeds;
        var originals = originalSeeds.ToDictionary(s => s, s => Add(CellRole.Original, $"original-s{s}", s, null, null, []));
        foreach (var seed in seeds) Add(CellRole.Retrained, $"retrained-s{seed}", seed, null, null, []);
        foreach (var (method, hyperParameters) in methods.Steps)
        {
            var hyper = JsonSerializer.Serialize(hyperParameters, hyperParameters.GetType(), CompactJson);
            if (mode == AuditMode.FixedOriginal && !method.DependsOnSeed)
            {
                // Every seed would make the same model: one cell, counted N times by the scorer.
                Add(CellRole.Unlearned, method.Key, null, method.Key, hyper, [originals[spec.Seed].Id]);
                continue;
            }
            foreach (var seed in seeds)
            {
                var original = originals[mode == AuditMode.FixedOriginal ? spec.Seed : seed];
                Add(CellRole.Unlearned, $"{method.Key}-s{seed}", method.DependsOnSeed ? seed : null, method.Key, hyper, [original.Id]);
            }
        }
        var models = cells.Select(c => c.Id).ToArray();
        cells.Add(new Cell(cells.Count, CellIds.Of(Core(CellRole.Score), dataFingerprint, CellRole.Score, null, mode.Name(), $"n={n}", models),
            CellRole.Score, "score", null, null, null, models));
        return new Plan(Plan.AuditKind, mode, n, spec, dataFingerprint, cells);
    }
}
