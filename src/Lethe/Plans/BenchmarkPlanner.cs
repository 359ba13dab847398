using System.Text.Json;
using Lethe.Experiments;
using Lethe.IO;
using Lethe.Audit;

namespace Lethe.Plans;

/// <summary>
/// Builds the plan of a benchmark: one run, or a seed sweep as `lethe benchmark --seeds` runs it (each seed's run is
/// <see cref="SeedSweep.For"/>). Per run: its Original and Retrained (with <c>--vary unlearn</c> one pair on the
/// spec's seed, shared by every run), each method on that run's Original with the run's unlearning seed, with
/// <c>--pool K</c> K − 1 more Retrained models on the seeds after the run's (its per-person test's pool), and a report
/// cell that writes the run's folder as `lethe benchmark` writes it; a sweep ends with a summary cell that writes the
/// mean ± 95% CI report over the seeds' folders. A model cell is the cell an audit of the same data would make, id
/// for id, so a store shared with audits makes each model once. With <c>--original</c> each run's Original cell loads
/// the given file instead of training (its id hashes the file's bytes, not its path).
/// </summary>
public static class BenchmarkPlanner
{
    private static JsonSerializerOptions CompactJson { get; } = new(LetheJson.Options) { WriteIndented = false };

    /// <summary>Validates the spec and builds each run's data to read its fingerprint, then plans; trains nothing.</summary>
    /// <param name="spec">The spec; its output folder is where the runs' folders go.</param>
    /// <param name="sweep">The seeds, or null for one run.</param>
    /// <exception cref="ArgumentException">A bad setting (named).</exception>
    /// <exception cref="InvalidDataException">Data that cannot be used (named).</exception>
    public static Plan For(ExperimentSpec spec, SeedSweep? sweep)
    {
        spec = Normalised(spec, sweep);
        spec.Validate();
        string? given = null;
        // Loaded once here, as lethe benchmark does before it builds data: a file that does not fit fails now, not on a node.
        using (var original = GivenOriginal.Load(spec)) given = original?.Source.Sha256;
        var fingerprints = new Dictionary<long, string>();
        MethodPlan? methods = null;
        foreach (var seed in Runs(spec, sweep).Select(r => r.Seed).Distinct())
        {
            using var data = DatasetFactory.Build(spec with { Seed = seed });
            fingerprints[seed] = data.Fingerprint;
            methods ??= MethodPlan.Resolve(spec, data.Task);
        }
        return Build(spec, sweep, methods!, fingerprints, given);
    }

    /// <summary>The plan, from the data fingerprints already known.</summary>
    /// <param name="spec">The spec (validated); its thread and job counts are resolved into the plan.</param>
    /// <param name="sweep">The seeds, or null for one run.</param>
    /// <param name="methods">The methods and their hyper-parameters, resolved from the spec.</param>
    /// <param name="fingerprints">The data fingerprint of each run's seed (every seed with <c>--vary all</c>, the spec's
    /// with <c>--vary unlearn</c>).</param>
    /// <exception cref="ArgumentException">A per-person pool (<see cref="ExperimentSpec.Pool"/>) of one model, or fewer.</exception>
    /// <param name="givenSha256">The SHA-256 of the spec's <see cref="ExperimentSpec.OriginalFile"/>, when the Original is
    /// given rather than trained: each run's Original cell then loads it (see <see cref="Cell.GivenSha256"/>).</param>
    public static Plan Build(ExperimentSpec spec, SeedSweep? sweep, MethodPlan methods, IReadOnlyDictionary<long, string> fingerprints,
        string? givenSha256 = null)
    {
        spec = Normalised(spec, sweep) with { Threads = spec.EffectiveThreads, Jobs = spec.EffectiveJobs };
        if (spec.Pool != 0) PoolPlanner.RequireSize(spec.Pool, $"--pool {spec.Pool}");
        var runs = Runs(spec, sweep);
        var cells = new List<Cell>();
        var known = new Dictionary<string, Cell>();

        Cell Add(ExperimentSpec run, CellRole role, string name, long? seed, string? method, string? hyper, IReadOnlyList<string> dependsOn,
            string? given = null)
        {
            var id = CellIds.Of(CellIds.SpecCore(run, role), fingerprints[run.Seed], role, seed, method, given is null ? hyper : $"given {given}", dependsOn);
            // With --vary unlearn every run names the same base models (and a seedless method's one model): make each once.
            if (known.TryGetValue(id, out var made)) return made;
            var cell = new Cell(cells.Count, id, role, name, seed, method, hyper, dependsOn)
            {
                DataSeed = run.Seed == spec.Seed ? null : run.Seed,
                GivenSha256 = given,
            };
            cells.Add(cell);
            return known[id] = cell;
        }

        var bases = runs.Select(run => (
            // A given Original is not trained, so no seed makes it.
            Original: givenSha256 is null
                ? Add(run, CellRole.Original, $"original-s{run.Seed}", run.Seed, null, null, [])
                : Add(run, CellRole.Original, $"original-s{run.Seed}", null, null, null, [], givenSha256),
            Retrained: Add(run, CellRole.Retrained, $"retrained-s{run.Seed}", run.Seed, null, null, []))).ToArray();
        var unlearned = runs.Select((run, r) => methods.Steps.Select(step =>
        {
            var hyper = JsonSerializer.Serialize(step.HyperParameters, step.HyperParameters.GetType(), CompactJson);
            var seed = step.Method.DependsOnSeed ? run.EffectiveUnlearnSeed : (long?)null;
            var name = seed is null && sweep?.Vary == SeedVariation.Unlearn ? step.Method.Key : $"{step.Method.Key}-s{run.SweepSeed}";
            return Add(run, CellRole.Unlearned, name, seed, step.Method.Key, hyper, [bases[r].Original.Id]);
        }).ToArray()).ToArray();
        // With --pool K: the run's Retrained and K − 1 more on the next seeds, PoolPlanner's cells id for id.
        var pools = runs.Select(run => Enumerable.Range(1, Math.Max(spec.Pool - 1, 0))
            .Select(i => Add(run, CellRole.Retrained, $"retrained-s{run.Seed + i}", run.Seed + i, null, null, [])).ToArray()).ToArray();
        var reports = runs.Select((run, r) => Add(run, CellRole.Score, $"report-s{run.SweepSeed}", run.SweepSeed, null,
            $"run {run.ResultHash()} in {run.OutputDirectory}",
            [bases[r].Original.Id, bases[r].Retrained.Id, .. unlearned[r].Select(c => c.Id), .. pools[r].Select(c => c.Id)])).ToArray();
        if (sweep is not null)
            Add(spec, CellRole.Score, "summary", null, null, $"sweep in {spec.OutputDirectory}", reports.Select(c => c.Id).ToArray());

        return new Plan(Plan.BenchmarkKind, AuditMode.FixedOriginal, runs.Count, spec, fingerprints[spec.Seed], cells)
        {
            Sweep = sweep,
            DataFingerprints = fingerprints.Count > 1 ? fingerprints : null,
        };
    }

    /// <summary>The spec of each run, in the sweep's order (the spec itself without a sweep).</summary>
    public static IReadOnlyList<ExperimentSpec> Runs(ExperimentSpec spec, SeedSweep? sweep) =>
        sweep is null ? [spec] : sweep.Seeds.Select(seed => sweep.For(spec, seed)).ToArray();

    /// <summary>
    /// The run a report cell writes: the run of its seed (<see cref="Cell.Seed"/> is the run's
    /// <see cref="ExperimentSpec.SweepSeed"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">A seed the plan has no run of.</exception>
    public static ExperimentSpec RunOf(Plan plan, Cell report) =>
        Runs(plan.Spec, plan.Sweep).FirstOrDefault(r => r.SweepSeed == report.Seed)
        ?? throw new InvalidDataException($"cell {report.Name}: the plan has no run of seed {report.Seed}");

    /// <summary>
    /// A sweep that varies everything never uses the spec's own seed: the first seed takes its place, so that the plan's
    /// data (<see cref="Plan.DataFingerprint"/>) is data some cell works on.
    /// </summary>
    private static ExperimentSpec Normalised(ExperimentSpec spec, SeedSweep? sweep) =>
        sweep is { Vary: SeedVariation.All } ? spec with { Seed = sweep.Seeds[0] } : spec;
}
